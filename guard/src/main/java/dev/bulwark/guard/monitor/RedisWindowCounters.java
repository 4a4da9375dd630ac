package dev.bulwark.guard.monitor;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client's request and distinct-prompt counts over the window, shared by every gateway instance through Redis,
 * on Lettuce's async API only. Per client and bucket a hash {@code bulwark:xm:{client}:c:<bucket>} counts requests
 * ({@code n}) and prompted requests ({@code p}) and a HyperLogLog {@code ...:d:<bucket>} the normalised-prompt
 * hashes (never text); a Lua script adds one request and sums the window (HMGET per bucket, PFCOUNT over the
 * buckets' union) in one round trip. Keys expire a little after they leave the window. Alert de-duplication across
 * instances is a {@code SET NX PX window} per client and condition.
 *
 * <p>Every call completes exceptionally within the command timeout when Redis is unreachable or slow (commands
 * rejected while disconnected, a pending (re)connect not waited for longer, reconnect attempts spaced out); the
 * caller then uses its local counts. Transitions
 * are logged once each way, with host and port only (the URL may carry a password).
 */
final class RedisWindowCounters implements AutoCloseable {
    private static final Logger LOG = System.getLogger(RedisWindowCounters.class.getName());
    private static final String SCRIPT = loadScript();
    private static final String SCRIPT_SHA = sha1Hex(SCRIPT);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);
    /** Connecting may take longer than a command (a cold JVM, TLS); requests do not wait for it (see count). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
            new AtomicReference<>();
    private volatile long nextConnectAttempt;
    private final AtomicBoolean healthy = new AtomicBoolean(true);

    private final Duration commandTimeout;

    RedisWindowCounters(URI redisUrl, Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        this.uri = RedisURI.create(redisUrl.toString());
        this.uri.setTimeout(CONNECT_TIMEOUT); // the handshake's; commands get commandTimeout below
        this.where = uri.getHost() + ":" + uri.getPort();
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        commands(); // connect now, not on the first request
    }

    /** Completes once the first connection attempt has ended, either way (start-up, tests). */
    CompletionStage<Void> ready() {
        return connection.get().handle((c, e) -> null);
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
        return commands().thenCompose(redis -> redis.<List<Object>>evalsha(SCRIPT_SHA, ScriptOutputType.MULTI, keys, args)
                        .exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
                                ? redis.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
                                : CompletableFuture.failedFuture(e)))
                .thenApply(RedisWindowCounters::longs)
                .toCompletableFuture()
                .orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS) // also while (re)connecting
                .whenComplete((ok, error) -> health(error));
    }

    /** True for the first instance to claim {@code condition} for this client in this window. */
    CompletionStage<Boolean> claimAlert(String clientKey, Condition condition, long windowMillis) {
        String key = prefix(clientKey) + ":alert:" + condition.label();
        return commands().thenCompose(redis -> redis.set(key, "1", SetArgs.Builder.nx().px(windowMillis)))
                .thenApply("OK"::equals)
                .toCompletableFuture()
                .orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> health(error));
    }

    private CompletionStage<RedisAsyncCommands<String, String>> commands() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current == null || current.isCompletedExceptionally() && System.nanoTime() - nextConnectAttempt >= 0) {
            CompletableFuture<StatefulRedisConnection<String, String>> attempt = new CompletableFuture<>();
            if (connection.compareAndSet(current, attempt)) {
                nextConnectAttempt = System.nanoTime() + RECONNECT_PAUSE.toNanos();
                client.connectAsync(StringCodec.UTF8, uri).whenComplete((c, e) -> {
                    if (e != null) {
                        health(e);
                        attempt.completeExceptionally(e);
                    } else {
                        attempt.complete(c);
                    }
                });
            }
            current = connection.get();
        }
        return current.thenApply(StatefulRedisConnection::async);
    }

    private void health(Throwable error) {
        if (error == null) {
            if (healthy.compareAndSet(false, true)) {
                LOG.log(Level.INFO, () -> "extraction monitor: Redis at " + where + " reachable again; counting shared");
            }
        } else if (healthy.compareAndSet(true, false)) {
            Throwable cause = unwrap(error);
            LOG.log(Level.WARNING, () -> "extraction monitor: Redis at " + where + " unreachable ("
                    + cause.getClass().getSimpleName() + "); counting on this instance only until it is back");
        }
    }

    boolean healthy() {
        return healthy.get();
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

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
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
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.getAndSet(null);
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().closeAsync().whenComplete((v, e) -> client.shutdownAsync());
        } else {
            client.shutdownAsync();
        }
    }
}
