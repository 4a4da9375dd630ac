package dev.bulwark.data.anon;

import dev.bulwark.data.privacy.EquivalenceClasses;
import java.util.Map;

/**
 * What an anonymization did.
 *
 * @param rows                rows in and out (row order is kept; no row is removed)
 * @param partitions          equivalence classes Mondrian made (output classes can be fewer: two partitions may
 *                            generalize to the same values and merge)
 * @param averageClassSize    rows / partitions
 * @param discernibility      sum of squared partition sizes (LeFevre's discernibility metric; n*k at best)
 * @param certaintyPenalty    normalized certainty penalty, mean over rows and quasi-identifiers: 0 = unchanged,
 *                            1 = every value "*"
 * @param suppressed          rows whose every quasi-identifier came out fully generalized (as good as suppressed)
 * @param types               how each quasi-identifier was generalized
 * @param achieved            k and l re-measured on the rows written
 */
public record AnonymizationReport(long rows, int partitions, double averageClassSize, double discernibility,
                                  double certaintyPenalty, long suppressed, Map<String, QuasiType> types,
                                  EquivalenceClasses achieved) {
    public AnonymizationReport {
        types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
    }
}
