package dev.bulwark.guard.limit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so refill and Retry-After are exact without waiting. */
final class FakeTime implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
