package dev.bulwark.core.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The hard cap on requests. A slot is reserved before a request is sent, so concurrent senders can never overshoot;
 * a slot whose request never left (stopped while waiting for the rate) is given back.
 */
final class RequestBudget {
    private final long max;
    private final AtomicLong reserved = new AtomicLong();

    RequestBudget(long max) {
        this.max = max;
    }

    boolean tryReserve() {
        long used;
        do {
            used = reserved.get();
            if (used >= max) return false;
        } while (!reserved.compareAndSet(used, used + 1));
        return true;
    }

    void release() {
        reserved.decrementAndGet();
    }

    long remaining() {
        return Math.max(0, max - reserved.get());
    }

    long max() {
        return max;
    }
}
