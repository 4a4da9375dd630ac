package dev.bulwark.guard.filter;

import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.injection.InjectionDetector;
import dev.bulwark.detect.redact.AllowListScanner;
import dev.bulwark.detect.scope.TopicScope;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.config.OutputPolicy;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.OutputFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the gateway's filters from the policies in {@code guard.yaml}. Detectors are built once here and shared by
 * every request (the learned injection model is one instance per process, loaded on first use); the filters are
 * thread-safe. Call at start-up: reading the system prompt file and building the rules may take a moment and throw
 * {@link IllegalArgumentException} or {@link UncheckedIOException} on a bad setting.
 */
public final class Filters {
    /** A system prompt is a page of instructions, not a corpus. */
    static final long MAX_SYSTEM_PROMPT_BYTES = 256 * 1024;
    /**
     * Bodies and replies up to this size are filtered on the event loop when no learned model runs: the rules and
     * entity scans take tens of microseconds per kilobyte, less than the two thread hops a worker costs.
     */
    static final long CHEAP_MAX_BYTES = 8 * 1024;

    private Filters() {
    }

    /** Input filter with logprobs requests removed (the output default). */
    public static InputFilter input(InputPolicy policy, boolean failClosed) {
        return input(policy, failClosed, false);
    }

    /**
     * @param failClosed    a scanner that throws refuses the request (503 {@code scanner_error}) when true, else lets
     *                      it through flagged
     * @param allowLogprobs {@link OutputPolicy#allowLogprobs()}: when false, {@code logprobs}/{@code top_logprobs}
     *                      are removed from requests as well as replies
     */
    public static InputFilter input(InputPolicy policy, boolean failClosed, boolean allowLogprobs) {
        return input(policy, failClosed, allowLogprobs, List.of());
    }

    /** @param piiAllowList {@link dev.bulwark.guard.config.Policies#piiAllowList()} */
    public static InputFilter input(InputPolicy policy, boolean failClosed, boolean allowLogprobs,
                                    List<String> piiAllowList) {
        return input(policy, failClosed, allowLogprobs, piiAllowList, null);
    }

    /** @param sharedReplies what every instance released (state: redis), or null for this instance's own memory */
    public static InputFilter input(InputPolicy policy, boolean failClosed, boolean allowLogprobs,
                                    List<String> piiAllowList, SharedReplies sharedReplies) {
        InjectionDetector detector = !policy.learnedModel() ? Shared.RULES
                : policy.modelTriage() ? Shared.LEARNED : Shared.LEARNED_EVERY_TEXT;
        TopicScope scope = policy.scope().on() ? TopicScope.of(policy.scope().examples(), policy.scope().threshold()) : null;
        return new GuardInputFilter(policy, failClosed, allowLogprobs, detector::score,
                EntityPolicy.of(policy.pii(), policy.secrets(), entities(piiAllowList)), detector.usesClassifier(),
                sharedReplies, scope);
    }

    public static OutputFilter output(OutputPolicy policy) {
        return output(policy, List.of());
    }

    /** @param piiAllowList {@link dev.bulwark.guard.config.Policies#piiAllowList()} */
    public static OutputFilter output(OutputPolicy policy, List<String> piiAllowList) {
        String systemPrompt = policy.systemPromptFile() == null ? null : readSystemPrompt(policy.systemPromptFile());
        var rules = new OutputRules(
                new MarkupPolicy(policy.markdownImages(), policy.allowedImageHosts(), policy.html()),
                new EntityStage(EntityPolicy.of(policy.pii(), policy.secrets(), entities(piiAllowList))),
                new LeakRules(policy.systemPromptCanaries(), systemPrompt),
                policy.allowLogprobs(), policy.toolCalls());
        return new GuardOutputFilter(rules);
    }

    private static EntityScanner entities(List<String> piiAllowList) {
        return AllowListScanner.of(EntityEngine.standard(), piiAllowList);
    }

    private static String readSystemPrompt(Path file) {
        try {
            if (Files.size(file) > MAX_SYSTEM_PROMPT_BYTES) {
                throw new IllegalArgumentException("system prompt file " + file + " is larger than "
                        + MAX_SYSTEM_PROMPT_BYTES / 1024 + " KB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read system prompt file " + file, e);
        }
    }

    /** One detector of each kind per process: the learned ones share the ONNX model (loaded on first use). */
    private static final class Shared {
        static final InjectionDetector RULES = InjectionDetector.rulesOnly();
        static final InjectionDetector LEARNED = InjectionDetector.standard();
        static final InjectionDetector LEARNED_EVERY_TEXT = InjectionDetector.standardWithoutTriage();
    }
}
