package dev.bulwark.guard.config;

/**
 * Request and token budgets; a null field means "no limit of this kind". Tokens are counted from the usage the
 * upstream reports (estimated from the text when it reports none).
 */
public record Limits(Integer requestsPerMinute, Integer requestsPerDay, Long tokensPerMinute, Long tokensPerDay,
                     Integer maxConcurrent) {
    public static final Limits NONE = new Limits(null, null, null, null, null);
}
