package dev.bulwark.detect.injection;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The detector's verdict on one text.
 *
 * @param score      combined evidence in [0, 1] (see {@link Combination})
 * @param flagged    {@code score >= }{@link Combination#FLAG_AT}
 * @param reasons    why: rule ids (with the encoding when a rule fired inside a decoded segment), disguises found
 *                   ("hidden characters", "decoded base64 segment"), and "classifier 0.93" when the classifier ran
 * @param ruleScore  layers (a) and (b) alone, in [0, 1]
 * @param classifier layer (c) alone, calibrated so 0.5 is its threshold; empty for the rules-only detector
 */
public record InjectionScore(double score, boolean flagged, List<String> reasons, double ruleScore,
        OptionalDouble classifier) {
    public InjectionScore {
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("score out of [0, 1]: " + score);
        reasons = List.copyOf(reasons);
    }
}
