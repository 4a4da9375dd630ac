package dev.bulwark.core.scope;

import java.util.Objects;

/**
 * What the target's owner pays its model provider, per million tokens, so findings about consumption can state a
 * cost per request and the pack can estimate the cost of a run. {@code currency} is a label (e.g. USD, EUR).
 */
public record Prices(double inputPerMillionTokens, double outputPerMillionTokens, String currency) {
    public Prices {
        if (!(inputPerMillionTokens >= 0) || !(outputPerMillionTokens >= 0)) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
        currency = Objects.requireNonNullElse(currency, "USD");
    }

    /** The cost of one request that used {@code inputTokens} and {@code outputTokens}. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillionTokens + outputTokens * outputPerMillionTokens) / 1_000_000.0;
    }
}
