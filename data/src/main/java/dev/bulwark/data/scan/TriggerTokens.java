package dev.bulwark.data.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Tokens over-represented in one label. A token (a word of the normalised text, 2 to 40 characters) is reported
 * when it appears in at least {@link #MIN_ROWS} rows, at least {@link #MIN_PURITY} of those rows carry one label,
 * and that label is much rarer overall: its share of all rows is at most half the purity (a lift of two or more).
 * A word that is merely typical of a common label (half the rows) does not qualify; a planted trigger in a rarer
 * label does. Memory is bounded: at most {@link #MAX_TOKENS} distinct tokens and {@link #MAX_LABELS} labels are
 * counted (later newcomers are ignored and a note says so).
 */
final class TriggerTokens {
    static final int MIN_ROWS = 10;
    static final double MIN_PURITY = 0.95;
    static final double MIN_LIFT = 2.0;
    static final int MAX_TOKENS = 200_000;
    static final int MAX_LABELS = 64;
    static final int SHOWN = 10;

    private final Map<String, Integer> labelIndex = new HashMap<>();
    private final List<String> labelNames = new ArrayList<>();
    private long[] labelRows = new long[4];
    private final Map<String, int[]> tokens = new HashMap<>();
    private long rows;
    private boolean tooManyLabels;
    private boolean tokensFull;

    void add(String normalised, String label) {
        rows++;
        Integer index = labelIndex.get(label);
        if (index == null) {
            if (labelNames.size() >= MAX_LABELS) {
                tooManyLabels = true;
                return;
            }
            index = labelNames.size();
            labelIndex.put(label, index);
            labelNames.add(label);
            if (index >= labelRows.length) labelRows = Arrays.copyOf(labelRows, labelRows.length * 2);
        }
        labelRows[index]++;
        Set<String> inRow = new HashSet<>();
        for (String token : normalised.split(" ")) {
            if (token.length() < 2 || token.length() > 40 || !inRow.add(token)) continue;
            int[] counts = tokens.get(token);
            if (counts == null) {
                if (tokens.size() >= MAX_TOKENS) {
                    tokensFull = true;
                    continue;
                }
                counts = new int[Math.max(4, labelNames.size())];
                tokens.put(token, counts);
            }
            if (index >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
                tokens.put(token, counts);
            }
            counts[index]++;
        }
    }

    int labels() {
        return labelNames.size();
    }

    boolean tooManyLabels() {
        return tooManyLabels;
    }

    boolean tokensFull() {
        return tokensFull;
    }

    /** The tokens that qualify, most rows first; {@code mask} hides a token that is itself personal data. */
    List<PoisoningIndicators.Trigger> triggers(UnaryOperator<String> mask) {
        if (tooManyLabels || labelNames.size() < 2) return List.of();
        var out = new ArrayList<PoisoningIndicators.Trigger>();
        tokens.forEach((token, counts) -> {
            long total = 0;
            int best = 0;
            for (int i = 0; i < counts.length; i++) {
                total += counts[i];
                if (counts[i] > counts[best]) best = i;
            }
            if (total < MIN_ROWS) return;
            double purity = (double) counts[best] / total;
            double share = (double) labelRows[best] / rows;
            if (purity >= MIN_PURITY && purity >= MIN_LIFT * share) {
                out.add(new PoisoningIndicators.Trigger(token, labelNames.get(best), total, purity, share));
            }
        });
        out.sort(Comparator.comparingLong(PoisoningIndicators.Trigger::rows).reversed()
                .thenComparing(PoisoningIndicators.Trigger::token));
        return out.subList(0, Math.min(SHOWN, out.size())).stream()
                .map(t -> new PoisoningIndicators.Trigger(mask.apply(t.token()), t.label(), t.rows(), t.purity(),
                        t.labelShare()))
                .toList();
    }
}
