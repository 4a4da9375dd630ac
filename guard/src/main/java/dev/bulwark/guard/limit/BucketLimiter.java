package dev.bulwark.guard.limit;

import dev.bulwark.guard.config.AddressBlock;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Admission against every budget that applies to a request: the caller's own, its IP's and the global ones, each a
 * Bucket4j bucket in a {@link BucketStore}. All buckets are asked at once; if any refuses (or the store fails), what
 * the others granted is given back, so a refused request costs nothing. Concurrency slots are taken first and
 * released by {@link #settle} (or at once when the request is refused).
 */
final class BucketLimiter implements RateLimiter {
    private static final System.Logger LOG = System.getLogger(BucketLimiter.class.getName());

    private final BucketStore store;
    private final List<LimitRule> ipRules;
    private final List<LimitRule> globalRules;
    private final ConcurrencySlots slots;
    private final Duration timeout;
    /** Client rules per distinct {@link Limits} (a handful: the configured ones and the default). */
    private final ConcurrentHashMap<Limits, List<LimitRule>> clientRules = new ConcurrentHashMap<>();

    /** One bucket asked for {@code amount}. */
    private record Take(String key, LimitRule rule, long amount) {
    }

    private record Outcome(Take take, BucketStore.Probe probe) {
    }

    BucketLimiter(BucketStore store, Limits ipLimits, Limits globalLimits, Duration timeout) {
        this.store = store;
        this.ipRules = LimitRule.of(LimitRule.Scope.IP, ipLimits);
        this.globalRules = LimitRule.of(LimitRule.Scope.GLOBAL, globalLimits);
        this.slots = new ConcurrencySlots(ipLimits, globalLimits);
        this.timeout = timeout;
    }

    @Override
    public CompletionStage<LimitDecision> admit(Caller caller, long estimatedTokens) {
        List<Take> takes = takes(caller, estimatedTokens);
        var busy = slots.tryAcquire(caller);
        if (busy.isPresent()) return CompletableFuture.completedFuture(busy.get());
        if (takes.isEmpty()) return CompletableFuture.completedFuture(LimitResponses.UNLIMITED);
        List<CompletableFuture<BucketStore.Probe>> probes = new ArrayList<>(takes.size());
        for (Take take : takes) probes.add(ask(take));
        return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ignored, failure) -> decide(caller, takes, probes, failure));
    }

    private CompletableFuture<BucketStore.Probe> ask(Take take) {
        try {
            return store.tryConsume(take.key(), take.rule(), take.amount());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private LimitDecision decide(Caller caller, List<Take> takes, List<CompletableFuture<BucketStore.Probe>> probes,
                                 Throwable failure) {
        if (failure != null) {
            // fail closed; whatever was or will still be granted goes back
            LOG.log(System.Logger.Level.WARNING, "rate limiter store failed ({0}); refusing",
                    failure.getClass().getSimpleName());
            for (int i = 0; i < takes.size(); i++) refundWhenGranted(takes.get(i), probes.get(i));
            slots.release(caller);
            return LimitResponses.UNAVAILABLE;
        }
        List<Outcome> outcomes = new ArrayList<>(takes.size());
        for (int i = 0; i < takes.size(); i++) outcomes.add(new Outcome(takes.get(i), probes.get(i).join()));
        List<Outcome> refused = outcomes.stream().filter(o -> !o.probe().consumed()).toList();
        if (refused.isEmpty()) return allowed(outcomes);
        outcomes.stream().filter(o -> o.probe().consumed()).forEach(o -> refund(o.take(), o.take().amount()));
        slots.release(caller);
        return refusal(refused);
    }

    private void refundWhenGranted(Take take, CompletableFuture<BucketStore.Probe> probe) {
        probe.thenAccept(p -> {
            if (p.consumed()) refund(take, take.amount());
        });
    }

    /** The tightest request budget (else token budget) speaks for the headers. */
    private static LimitDecision allowed(List<Outcome> outcomes) {
        Outcome tightest = outcomes.stream()
                .min(Comparator.comparing((Outcome o) -> o.take().rule().kind() != LimitRule.Kind.REQUESTS)
                        .thenComparingLong(o -> o.probe().remaining())
                        .thenComparingLong(o -> o.take().rule().capacity()))
                .orElseThrow();
        LimitRule rule = tightest.take().rule();
        long remaining = Math.max(0, tightest.probe().remaining());
        return new LimitDecision(true, rule.capacity(), remaining, rule.resetSeconds(remaining), 0,
                rule.scope().label(), rule.kind().label());
    }

    /** The budget that makes the caller wait longest speaks: retrying earlier would be refused again. */
    private static LimitDecision refusal(List<Outcome> refused) {
        Outcome longest = refused.stream().max(Comparator.comparingLong(o -> o.probe().nanosToWait())).orElseThrow();
        LimitRule rule = longest.take().rule();
        long retryAfter = Math.max(1, ceilSeconds(longest.probe().nanosToWait()));
        long remaining = Math.max(0, longest.probe().remaining());
        return new LimitDecision(false, rule.capacity(), remaining, Math.max(retryAfter, rule.resetSeconds(remaining)),
                retryAfter, rule.scope().label(), rule.kind().label());
    }

    @Override
    public void settle(Caller caller, long estimatedTokens, long actualTokens) {
        try {
            long actual = Math.max(0, actualTokens);
            for (Take take : takes(caller, estimatedTokens)) {
                if (take.rule().kind() != LimitRule.Kind.TOKENS) continue;
                long difference = actual - take.amount();
                if (difference > 0) store.charge(take.key(), take.rule(), difference);
                else if (difference < 0) refund(take, -difference);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "settling token budgets failed ({0})", e.getClass().getSimpleName());
        } finally {
            slots.release(caller);
        }
    }

    private void refund(Take take, long amount) {
        try {
            store.refund(take.key(), take.rule(), amount);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "refund failed ({0})", e.getClass().getSimpleName());
        }
    }

    private List<Take> takes(Caller caller, long estimatedTokens) {
        List<Take> takes = new ArrayList<>();
        Limits own = caller.limits() == null ? Limits.NONE : caller.limits();
        add(takes, clientRules.computeIfAbsent(own, l -> LimitRule.of(LimitRule.Scope.CLIENT, l)), caller.clientId(),
                estimatedTokens);
        if (!ipRules.isEmpty()) add(takes, ipRules, ipOf(caller), estimatedTokens);
        add(takes, globalRules, "all", estimatedTokens);
        return takes;
    }

    private static void add(List<Take> takes, List<LimitRule> rules, String subject, long estimatedTokens) {
        for (LimitRule rule : rules) {
            long amount = rule.amountFor(estimatedTokens);
            if (amount > 0) takes.add(new Take(rule.key(subject), rule, amount));
        }
    }

    /** The per-address limits' subject: the caller's address, an IPv6 one by its /64 ({@link AddressBlock#subscriber}). */
    static String ipOf(Caller caller) {
        return caller.remoteIp() == null || caller.remoteIp().isBlank() ? "unknown"
                : AddressBlock.subscriber(caller.remoteIp());
    }

    private static long ceilSeconds(long nanos) {
        if (nanos <= 0) return 0;
        if (nanos == Long.MAX_VALUE) return Long.MAX_VALUE / 1_000_000_000L;
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** Requests in flight for a concurrency key ({@code client:ID}, {@code ip:ADDR}, {@code global}); for tests. */
    int inFlight(String key) {
        return slots.inFlight(key);
    }

    @Override
    public void close() {
        store.close();
    }
}
