package dev.bulwark.guard.limit;

import java.util.concurrent.CompletableFuture;

/**
 * Where buckets live: in this process or in Redis. Every operation is asynchronous or instant, never blocking the
 * caller on I/O. {@code refund} and {@code charge} are fire-and-forget corrections.
 */
interface BucketStore extends AutoCloseable {
    /** Takes {@code amount} if the bucket has it; the probe says what is left or how long to wait. */
    CompletableFuture<Probe> tryConsume(String key, LimitRule rule, long amount);

    /** Gives back tokens taken (never above capacity). */
    void refund(String key, LimitRule rule, long amount);

    /** Takes tokens whatever is left: the bucket may go negative, and later requests wait it out. */
    void charge(String key, LimitRule rule, long amount);

    @Override
    void close();

    /** @param nanosToWait when refused: until enough has refilled */
    record Probe(boolean consumed, long remaining, long nanosToWait) {
    }
}
