package dev.bulwark.core.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Strict spacing between request starts across all threads (a token bucket of capacity 1): no burst is ever
 * allowed, so no one-second window can hold more than the configured rate. The spacing carries a small safety
 * margin because the target sees our requests after a variable network delay; bunching on its side must not push
 * it over the rate it agreed to.
 */
final class RatePacer {
    /** 5%: e.g. 10 req/s are spaced 105 ms apart, leaving 50 ms per second for jitter. */
    static final double SAFETY_MARGIN = 1.05;

    private final long intervalNanos;
    private long nextFree; // guarded by this
    private boolean used; // guarded by this

    RatePacer(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) throw new IllegalArgumentException("rate must be > 0");
        this.intervalNanos = (long) Math.ceil(1e9 * SAFETY_MARGIN / requestsPerSecond);
    }

    /**
     * Reserves the next start slot and waits for it. Returns false when {@code stop} fired first; the slot is then
     * wasted, which only ever makes the client slower.
     */
    boolean awaitSlot(CountDownLatch stop) throws InterruptedException {
        long slot = reserve();
        long wait = slot - System.nanoTime();
        if (wait > 0) return !stop.await(wait, TimeUnit.NANOSECONDS);
        return stop.getCount() > 0;
    }

    /** Hands out the next start slot (a System.nanoTime value); slots are never closer than the interval. */
    synchronized long reserve() {
        long now = System.nanoTime();
        long slot = used && nextFree - now > 0 ? nextFree : now;
        used = true;
        nextFree = slot + intervalNanos;
        return slot;
    }

    long intervalNanos() {
        return intervalNanos;
    }
}
