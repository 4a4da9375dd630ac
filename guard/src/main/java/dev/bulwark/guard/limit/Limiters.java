package dev.bulwark.guard.limit;

import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.RateLimiter;
import java.time.Duration;

/**
 * Builds the gateway's rate limiter from {@code guard.yaml}: per-client limits (the client's own or
 * {@code policies.defaultLimits}, carried by the {@link dev.bulwark.guard.pipeline.Caller}), {@code perIpLimits} and
 * {@code globalLimits}, in this process ({@code state: memory}) or shared through Redis ({@code state: redis}).
 */
public final class Limiters {
    /** How long one admission may wait on Redis before the limiter refuses (fail closed). */
    public static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    private Limiters() {
    }

    /**
     * @throws IllegalArgumentException when a limit is zero or negative
     * @throws IllegalStateException    when {@code state: redis} and Redis cannot be reached at start
     */
    public static RateLimiter from(GuardConfig config) {
        validate(config);
        var policies = config.policies();
        StateConfig state = config.state();
        BucketStore store = switch (state.backend()) {
            case MEMORY -> new LocalBucketStore();
            case REDIS -> {
                if (state.redisUrl() == null) throw new IllegalArgumentException("state: redis needs a url");
                yield RedisBucketStore.connectNow(state.redisUrl(), REDIS_TIMEOUT);
            }
        };
        // the admission timeout sits above Redis's own so a slow command is reported as such, not as a hang
        return new BucketLimiter(store, policies.perIpLimits(), policies.globalLimits(), REDIS_TIMEOUT.plusSeconds(1));
    }

    /** Every limit in the config builds its rules once here, so a bad one stops the start, not a request. */
    private static void validate(GuardConfig config) {
        var policies = config.policies();
        check(policies.defaultLimits());
        check(policies.perIpLimits());
        check(policies.globalLimits());
        for (ClientConfig client : config.clients()) check(client.limits());
    }

    private static void check(Limits limits) {
        for (LimitRule.Scope scope : LimitRule.Scope.values()) LimitRule.of(scope, limits);
        if (limits != null && limits.maxConcurrent() != null && limits.maxConcurrent() <= 0) {
            throw new IllegalArgumentException("maxConcurrent must be positive, was " + limits.maxConcurrent());
        }
    }
}
