package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One root cause, one finding: findings sharing a fingerprint collapse into the most severe of them, with the
 * evidence of all merged (attempts and successes add up) and the strongest confidence any of them reached.
 */
final class Deduplicator {
    private Deduplicator() {
    }

    static List<Finding> dedupe(List<Finding> findings) {
        var groups = new LinkedHashMap<String, List<Finding>>();
        for (Finding f : findings) groups.computeIfAbsent(f.fingerprint(), k -> new ArrayList<>()).add(f);
        return groups.values().stream().map(Deduplicator::merge).toList();
    }

    private static Finding merge(List<Finding> same) {
        if (same.size() == 1) return same.getFirst();
        Finding base = same.stream().min(FindingOrder.MOST_SEVERE_FIRST).orElseThrow();
        var evidence = base.evidence();
        var confidence = base.confidence();
        for (Finding other : same) {
            if (other == base) continue;
            evidence = evidence.merge(other.evidence());
            if (other.confidence().ordinal() < confidence.ordinal()) confidence = other.confidence();
        }
        return new Finding(base.id(), base.fingerprint(), base.check(), base.weakness(), base.title(), base.severity(),
                confidence, base.cvss(), base.cwe(), base.cve(), base.owaspLlm(), base.atlas(), base.target(),
                base.assets(), base.location(), evidence, base.description(), base.remediation(), base.controls(),
                base.references());
    }
}
