package dev.bulwark.probe.consumption;

import dev.bulwark.core.scope.Prices;
import java.util.Locale;
import java.util.Optional;

/**
 * An order-of-magnitude estimate of what copying the model's behaviour through its API takes (docs/checks.md):
 *
 * <pre>
 * queries = BASE_QUERIES × signal × sampling
 *   BASE_QUERIES = 100,000   labelled prompts to imitate a task-specific assistant from text answers alone
 *   signal       = 1/10 with top-k log-probabilities (k ≥ 5), 1/3 with the chosen token's only, 1 without
 *   sampling     = 1 when answers are deterministic, 2 when the same prompt must be asked again to average noise
 * cost  = queries × (prompt tokens × input price + completion tokens × output price), at the scope's prices,
 *         with the token counts of the probe's own reply when it reported usage, else 150 + 250 per query
 * time  = queries / 10 per second (one client, no limit seen)
 * </pre>
 *
 * The numbers are assumptions, stated so a reader can redo the arithmetic with their own; the point is the
 * order of magnitude and how much log-probabilities and determinism shorten it.
 */
record ExtractionEstimate(long queries, Optional<String> cost, double hours) {
    static final long BASE_QUERIES = 100_000;
    static final long DEFAULT_PROMPT_TOKENS = 150;
    static final long DEFAULT_COMPLETION_TOKENS = 250;
    static final double QUERIES_PER_SECOND = 10;

    static ExtractionEstimate of(int topLogprobs, boolean deterministic, long promptTokens, long completionTokens,
                                 Optional<Prices> prices) {
        double signal = topLogprobs >= 5 ? 0.1 : topLogprobs >= 1 ? 1.0 / 3 : 1.0;
        long queries = Math.round(BASE_QUERIES * signal * (deterministic ? 1 : 2));
        long in = promptTokens > 0 ? promptTokens : DEFAULT_PROMPT_TOKENS;
        long out = completionTokens > 0 ? completionTokens : DEFAULT_COMPLETION_TOKENS;
        Optional<String> cost = prices.map(p -> String.format(Locale.ROOT, "%.2f %s", queries * p.cost(in, out),
                p.currency()));
        return new ExtractionEstimate(queries, cost, queries / QUERIES_PER_SECOND / 3600);
    }

    String describe() {
        return String.format(Locale.ROOT, "about %,d queries (%.1f hours at %.0f queries/s)%s", queries, hours,
                QUERIES_PER_SECOND, cost.map(c -> ", costing about " + c + " at the scope's prices")
                        .orElse("; add prices to the target in the scope for a cost"));
    }
}
