package dev.bulwark.guard.filter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The replies every gateway instance released to each client ({@link ReleasedReplies}), shared so that a
 * conversation whose next request lands on another instance behind the load balancer reads the same. Each instance
 * can do without it: a lookup that fails or is slow leaves an assistant turn scored like any text, the safe side.
 * Implementations keep digests only, never text. Thread-safe.
 */
public interface SharedReplies extends AutoCloseable {
    /** Records that the reply with this digest was released to {@code client}; returns at once. */
    void add(String client, String digest);

    /**
     * Which of {@code digests} were released to {@code client} by any instance. Completes within the implementation's
     * command timeout; exceptionally when it cannot tell.
     */
    CompletionStage<Set<String>> released(String client, List<String> digests);

    @Override
    void close();
}
