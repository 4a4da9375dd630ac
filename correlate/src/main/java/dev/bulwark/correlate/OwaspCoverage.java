package dev.bulwark.correlate;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.kb.CatalogEntry;
import dev.bulwark.kb.KnowledgeBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OWASP LLM 2025 coverage: an id is "tested" only when a check run that actually reached a verdict tests a
 * weakness mapped to it. A run that errored out does not count, so the report never shows a pass it did not earn.
 */
final class OwaspCoverage {
    static final String TESTED = Coverage.TESTED.label();
    static final String NOT_TESTED = Coverage.NOT_TESTED.label();

    private OwaspCoverage() {
    }

    static Map<String, String> of(KnowledgeBase kb, List<CheckRun> runs) {
        var coverage = new LinkedHashMap<String, String>();
        for (CatalogEntry entry : kb.owaspLlm2025()) {
            boolean tested = runs.stream().anyMatch(r -> r.coverage() == Coverage.TESTED && r.weakness() != null
                    && kb.profile(r.weakness()).owaspLlm().contains(entry.id()));
            coverage.put(entry.id(), tested ? TESTED : NOT_TESTED);
        }
        return coverage;
    }
}
