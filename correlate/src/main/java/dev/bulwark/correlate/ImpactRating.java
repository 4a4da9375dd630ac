package dev.bulwark.correlate;

import dev.bulwark.core.Classification;
import dev.bulwark.core.scope.Asset;
import java.util.Comparator;
import java.util.List;

/**
 * Impact from the most sensitive asset a scenario touches (book §3.2): restricted or confidential data → high,
 * internal → medium, public → low. A scenario on targets with no declared assets is rated medium: we cannot tell,
 * and Risk treats medium impact as worth acting on.
 */
final class ImpactRating {
    private ImpactRating() {
    }

    static Level of(List<Asset> assets) {
        return assets.stream().map(Asset::classification).max(Comparator.naturalOrder())
                .map(ImpactRating::of).orElse(Level.MEDIUM);
    }

    static Level of(Classification classification) {
        return switch (classification) {
            case RESTRICTED, CONFIDENTIAL -> Level.HIGH;
            case INTERNAL -> Level.MEDIUM;
            case PUBLIC -> Level.LOW;
        };
    }
}
