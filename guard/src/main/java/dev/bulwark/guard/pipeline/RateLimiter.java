package dev.bulwark.guard.pipeline;

import java.util.concurrent.CompletionStage;

/**
 * Request and token budgets per client, per IP and global, in this process or shared through Redis. Never blocks
 * the calling thread.
 */
public interface RateLimiter extends AutoCloseable {
    /**
     * Takes one request (and {@code estimatedTokens} from the token budgets) or says why not. The decision carries
     * the numbers for the {@code RateLimit-*} headers either way.
     */
    CompletionStage<LimitDecision> admit(Caller caller, long estimatedTokens);

    /** Corrects the token budgets once the real usage is known (may go below zero: the next request then waits). */
    void settle(Caller caller, long estimatedTokens, long actualTokens);

    @Override
    void close();

    /**
     * @param limit        the tightest limit that applies (for {@code RateLimit-Limit})
     * @param remaining    what is left of it
     * @param resetSeconds until it is full again
     * @param retryAfterSeconds when refused: when to try again
     * @param scope        which limit decided: {@code client}, {@code ip}, {@code global}; with {@code kind}
     *                     {@code requests}, {@code tokens} or {@code concurrency}
     */
    record LimitDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
                         String scope, String kind) {
    }
}
