package dev.bulwark.core.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits out back-off and {@code Retry-After}. Swappable so tests can record the waits the client
 * asked for without spending them. Every implementation must return as soon as {@code stop} is counted down, so
 * that Ctrl-C is prompt.
 *
 * <p>The request-rate spacing never goes through a sleeper: the rate is a promise to the target's owner, and a test
 * sleeper must not be able to break it.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}, or until {@code stop} reaches zero, whichever comes first. */
    void sleep(Duration duration, CountDownLatch stop) throws InterruptedException;

    /** Waits in real time. */
    static Sleeper real() {
        return (duration, stop) -> {
            if (!duration.isNegative() && !duration.isZero()) stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        };
    }
}
