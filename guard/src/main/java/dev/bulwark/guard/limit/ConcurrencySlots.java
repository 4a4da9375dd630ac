package dev.bulwark.guard.limit;

import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests in flight per client, per IP and overall, counted in this process: a slot is held by the instance that
 * serves the request, and a crashed instance's slots must not outlive it (a shared counter would leak them). With
 * several instances, {@code maxConcurrent} therefore applies per instance. Entries exist only while requests are in
 * flight, so the map is bounded by the traffic actually being served.
 */
final class ConcurrencySlots {
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final Limits ipLimits;
    private final Limits globalLimits;

    private record Slot(String key, int max, LimitRule.Scope scope) {
    }

    ConcurrencySlots(Limits ipLimits, Limits globalLimits) {
        this.ipLimits = ipLimits == null ? Limits.NONE : ipLimits;
        this.globalLimits = globalLimits == null ? Limits.NONE : globalLimits;
    }

    /** Takes a slot in every scope that has a bound, or none at all and says which bound was full. */
    Optional<LimitDecision> tryAcquire(Caller caller) {
        List<Slot> taken = new ArrayList<>(3);
        for (Slot slot : slots(caller)) {
            if (!tryTake(slot)) {
                taken.forEach(this::release);
                return Optional.of(new LimitDecision(false, slot.max(), 0, 1, 1, slot.scope().label(),
                        "concurrency"));
            }
            taken.add(slot);
        }
        return Optional.empty();
    }

    void release(Caller caller) {
        slots(caller).forEach(this::release);
    }

    int inFlight(String key) {
        return inFlight.getOrDefault(key, 0);
    }

    private List<Slot> slots(Caller caller) {
        List<Slot> slots = new ArrayList<>(3);
        Limits own = caller.limits() == null ? Limits.NONE : caller.limits();
        if (own.maxConcurrent() != null) {
            slots.add(new Slot("client:" + caller.clientId(), own.maxConcurrent(), LimitRule.Scope.CLIENT));
        }
        if (ipLimits.maxConcurrent() != null) {
            slots.add(new Slot("ip:" + BucketLimiter.ipOf(caller), ipLimits.maxConcurrent(), LimitRule.Scope.IP));
        }
        if (globalLimits.maxConcurrent() != null) {
            slots.add(new Slot("global", globalLimits.maxConcurrent(), LimitRule.Scope.GLOBAL));
        }
        return slots;
    }

    private boolean tryTake(Slot slot) {
        boolean[] took = {false};
        inFlight.compute(slot.key(), (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= slot.max()) return n;
            took[0] = true;
            return current + 1;
        });
        return took[0];
    }

    private void release(Slot slot) {
        inFlight.computeIfPresent(slot.key(), (k, n) -> n <= 1 ? null : n - 1);
    }
}
