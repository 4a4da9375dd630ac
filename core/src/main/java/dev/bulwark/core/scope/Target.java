package dev.bulwark.core.scope;

import java.util.List;

/** Something the engagement may test. Each kind is its own record so checks match on type, not strings. */
public sealed interface Target permits PromptTarget, FileTarget {
    String id();

    TargetKind kind();

    /** Ids of the assets this target exposes or processes. */
    List<String> assets();

    enum TargetKind {
        LLM_CHAT, HTTP, MODEL_FILES, DEPENDENCIES, DATASET;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
