package dev.bulwark.guard.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets in this process (Bucket4j's lock-free local buckets), one bounded LRU map per scope so per-IP buckets can
 * never crowd out per-client ones.
 */
final class LocalBucketStore implements BucketStore {
    /** Default bounds: enough for every configured client and a busy site's active addresses. */
    static final int DEFAULT_MAX_CLIENT_BUCKETS = 100_000;
    static final int DEFAULT_MAX_IP_BUCKETS = 200_000;

    private final TimeMeter time;
    private final Map<LimitRule.Scope, LruBuckets> scopes = new EnumMap<>(LimitRule.Scope.class);

    LocalBucketStore(TimeMeter time, int maxClientBuckets, int maxIpBuckets) {
        this.time = time;
        scopes.put(LimitRule.Scope.CLIENT, new LruBuckets(maxClientBuckets));
        scopes.put(LimitRule.Scope.IP, new LruBuckets(maxIpBuckets));
        scopes.put(LimitRule.Scope.GLOBAL, new LruBuckets(64));
    }

    LocalBucketStore() {
        this(TimeMeter.SYSTEM_NANOTIME, DEFAULT_MAX_CLIENT_BUCKETS, DEFAULT_MAX_IP_BUCKETS);
    }

    @Override
    public CompletableFuture<Probe> tryConsume(String key, LimitRule rule, long amount) {
        ConsumptionProbe probe = bucket(key, rule).tryConsumeAndReturnRemaining(amount);
        return CompletableFuture.completedFuture(
                new Probe(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill()));
    }

    @Override
    public void refund(String key, LimitRule rule, long amount) {
        bucket(key, rule).addTokens(amount);
    }

    @Override
    public void charge(String key, LimitRule rule, long amount) {
        bucket(key, rule).consumeIgnoringRateLimits(amount);
    }

    /** Buckets held for one scope (for the eviction bound's test). */
    int size(LimitRule.Scope scope) {
        return scopes.get(scope).size();
    }

    /** Tokens in a bucket now (negative after an overrun); for tests. */
    long available(String key, LimitRule rule) {
        return bucket(key, rule).getAvailableTokens();
    }

    boolean holds(LimitRule.Scope scope, String key) {
        return scopes.get(scope).contains(key);
    }

    private Bucket bucket(String key, LimitRule rule) {
        return scopes.get(rule.scope()).get(key, k -> Bucket.builder()
                .addLimit(rule.configuration().getBandwidths()[0])
                .withCustomTimePrecision(time)
                .build());
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
