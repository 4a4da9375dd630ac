package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import java.util.Comparator;

/** Report order: most severe first, then higher CVSS score, then check id, then target (stable across runs). */
final class FindingOrder {
    static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity)
            .thenComparing(Comparator.comparingDouble(FindingOrder::score).reversed())
            .thenComparing(Finding::check)
            .thenComparing(f -> f.target() == null ? "" : f.target())
            .thenComparing(Finding::fingerprint);

    private FindingOrder() {
    }

    private static double score(Finding f) {
        return f.cvss() == null ? 0.0 : f.cvss().score();
    }
}
