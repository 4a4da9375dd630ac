package dev.bulwark.guard.config;

/**
 * Request and token budgets; a null field means "no limit of this kind". Tokens are counted from the usage the
 * upstream reports (estimated from the text when it reports none).
 *
 * @param requestsPerSecond a burst limit: a per-minute budget refills smoothly but lets a whole minute's worth
 *                          through at once, so a script can fire its quota in a second; this caps that
 */
public record Limits(Integer requestsPerMinute, Integer requestsPerDay, Long tokensPerMinute, Long tokensPerDay,
                     Integer maxConcurrent, Integer requestsPerSecond) {
    public static final Limits NONE = new Limits(null, null, null, null, null, null);

    /** Limits without a burst limit. */
    public Limits(Integer requestsPerMinute, Integer requestsPerDay, Long tokensPerMinute, Long tokensPerDay,
                  Integer maxConcurrent) {
        this(requestsPerMinute, requestsPerDay, tokensPerMinute, tokensPerDay, maxConcurrent, null);
    }
}
