package dev.bulwark.guard.monitor;

import dev.bulwark.guard.state.RedisLink;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One client's request and distinct-prompt counts over the window, shared by every gateway instance through Redis,
 * on Lettuce's async API only. Per client and bucket a hash {@code bulwark:xm:{client}:c:<bucket>} counts requests
 * ({@code n}) and prompted requests ({@code p}) and a HyperLogLog {@code ...:d:<bucket>} the normalised-prompt
 * hashes (never text); a Lua script adds one request and sums the window (HMGET per bucket, PFCOUNT over the
 * buckets' union) in one round trip. Keys expire a little after they leave the window. Alert de-duplication across
 * instances is a {@code SET NX PX window} per client and condition.
 *
 * <p>Every call completes exceptionally within the command timeout when Redis is unreachable or slow
 * ({@link RedisLink}); the caller then uses its local counts.
 */
final class RedisWindowCounters implements AutoCloseable {
    private static final String SCRIPT = loadScript();
    private static final String SCRIPT_SHA = sha1Hex(SCRIPT);

    private final RedisLink redis;

    RedisWindowCounters(URI redisUrl, Duration commandTimeout) {
        this.redis = new RedisLink(redisUrl, commandTimeout, "extraction monitor", "counting shared",
                "counting on this instance only");
    }

    /** Completes once the first connection attempt has ended, either way (start-up, tests). */
    CompletionStage<Void> ready() {
        return redis.ready();
    }

    /**
     * Counts one request of {@code clientKey} in {@code bucket} and returns {requests, prompted, distinct} over the
     * last {@code buckets} buckets.
     *
     * @param promptHash the normalised prompt's hash, or null when the request carried no prompt
     */
    CompletionStage<long[]> count(String clientKey, long bucket, int buckets, long ttlMillis, Long promptHash) {
        String[] keys = {prefix(clientKey)};
        String[] args = {Long.toString(bucket), Integer.toString(buckets), Long.toString(ttlMillis),
                promptHash == null ? "" : Long.toHexString(promptHash)};
        return redis.run(commands -> commands.<List<Object>>evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, args)
                        .exceptionallyCompose(e -> RedisLink.unwrap(e) instanceof RedisNoScriptException
                                ? commands.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
                                : CompletableFuture.failedFuture(e)))
                .thenApply(RedisWindowCounters::longs);
    }

    /** True for the first instance to claim {@code condition} for this client in this window. */
    CompletionStage<Boolean> claimAlert(String clientKey, Condition condition, long windowMillis) {
        String key = prefix(clientKey) + ":alert:" + condition.label();
        return redis.run(commands -> commands.set(key, "1", SetArgs.Builder.nx().px(windowMillis)))
                .thenApply("OK"::equals);
    }

    boolean healthy() {
        return redis.healthy();
    }

    private static String prefix(String clientKey) {
        return "bulwark:xm:{" + clientKey + "}";
    }

    private static long[] longs(List<Object> reply) {
        long[] out = new long[3];
        for (int i = 0; i < out.length && i < reply.size(); i++) {
            out[i] = reply.get(i) instanceof Number n ? n.longValue() : 0;
        }
        return out;
    }

    private static String loadScript() {
        try (InputStream in = RedisWindowCounters.class.getResourceAsStream("window-counts.lua")) {
            if (in == null) {
                throw new IllegalStateException("window-counts.lua missing from the guard jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
