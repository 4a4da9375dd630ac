package dev.bulwark.guard.proxy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests started and not yet audited, so shutdown can wait for them to drain. Thread-safe. */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;

    void begin() {
        count.incrementAndGet();
    }

    void end() {
        if (count.decrementAndGet() == 0 && draining) drained.complete(null);
    }

    /** Completes once nothing is in flight (at once if nothing is). */
    CompletableFuture<Void> drain() {
        draining = true;
        if (count.get() == 0) drained.complete(null);
        return drained;
    }
}
