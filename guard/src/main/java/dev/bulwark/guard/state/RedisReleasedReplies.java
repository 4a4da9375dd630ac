package dev.bulwark.guard.state;

import dev.bulwark.guard.config.ApiKeys;
import dev.bulwark.guard.filter.SharedReplies;
import io.lettuce.core.SetArgs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The replies every gateway instance released, in the Redis they share: one key per client and reply,
 * {@code bulwark:rr:} and 32 hex digits of SHA-256 over the client id and the reply's digest (neither the client id
 * nor anything of the text is readable from Redis), kept a day. A lookup reads at most {@value #MAX_LOOKUP} assistant
 * turns (the latest: the rest of a long conversation is scored as before) in one pipelined round trip.
 */
public final class RedisReleasedReplies implements SharedReplies {
    static final Duration KEEP = Duration.ofDays(1);
    static final int MAX_LOOKUP = 64;
    /** A request with assistant turns this instance does not know waits at most this long for the answer. */
    static final Duration TIMEOUT = Duration.ofMillis(250);

    private final RedisLink redis;

    public RedisReleasedReplies(URI redisUrl) {
        this(redisUrl, TIMEOUT);
    }

    RedisReleasedReplies(URI redisUrl, Duration commandTimeout) {
        this.redis = new RedisLink(redisUrl, commandTimeout, "released replies", "shared across instances",
                "each instance knows only its own");
    }

    /** Completes once the first connection attempt has ended, either way. */
    public CompletionStage<Void> ready() {
        return redis.ready();
    }

    @Override
    public void add(String client, String digest) {
        redis.run(commands -> commands.set(key(client, digest), "1", SetArgs.Builder.ex(KEEP)));
    }

    @Override
    public CompletionStage<Set<String>> released(String client, List<String> digests) {
        List<String> asked = digests.size() <= MAX_LOOKUP ? digests
                : digests.subList(digests.size() - MAX_LOOKUP, digests.size());
        return redis.run(commands -> {
            List<CompletableFuture<Long>> exists = new ArrayList<>(asked.size());
            for (String digest : asked) exists.add(commands.exists(key(client, digest)).toCompletableFuture());
            return CompletableFuture.allOf(exists.toArray(CompletableFuture[]::new)).thenApply(all -> {
                Set<String> found = new HashSet<>();
                for (int i = 0; i < asked.size(); i++) if (exists.get(i).join() > 0) found.add(asked.get(i));
                return found;
            });
        });
    }

    private static String key(String client, String digest) {
        return "bulwark:rr:" + ApiKeys.sha256Hex(client + '\0' + digest).substring(0, 32);
    }

    @Override
    public void close() {
        redis.close();
    }
}
