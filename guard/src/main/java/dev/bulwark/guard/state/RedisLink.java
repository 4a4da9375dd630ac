package dev.bulwark.guard.state;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A connection to the Redis that gateway instances share, for state that each instance can do without (the
 * extraction monitor's counts, the replies released to each client): every command completes within the command
 * timeout, exceptionally when Redis is unreachable or slow (commands rejected while disconnected, a pending
 * (re)connect not waited for longer, reconnect attempts spaced out), and the caller then decides on its own. Lettuce's
 * async API only: nothing blocks. Transitions are logged once each way, with host and port only (the URL may carry a
 * password). Thread-safe.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger LOG = System.getLogger(RedisLink.class.getName());
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);
    /** Connecting may take longer than a command (a cold JVM, TLS); requests do not wait for it (see run). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private final String user;
    private final String whenShared;
    private final String whenAlone;
    private final Duration commandTimeout;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
            new AtomicReference<>();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private volatile long nextConnectAttempt;

    /**
     * Starts connecting at once, not on the first request.
     *
     * @param user       who uses it, for the log ("extraction monitor")
     * @param whenShared what the user does while Redis answers ("counting shared")
     * @param whenAlone  what it does while Redis does not ("counting on this instance only")
     */
    public RedisLink(URI redisUrl, Duration commandTimeout, String user, String whenShared, String whenAlone) {
        this.commandTimeout = commandTimeout;
        this.user = user;
        this.whenShared = whenShared;
        this.whenAlone = whenAlone;
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
        commands();
    }

    /** Completes once the first connection attempt has ended, either way (start-up, tests). */
    public CompletionStage<Void> ready() {
        return connection.get().handle((c, e) -> null);
    }

    /** Runs {@code command}; the result completes exceptionally within the command timeout when Redis fails. */
    public <T> CompletableFuture<T> run(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
        return commands().thenCompose(command)
                .toCompletableFuture()
                .orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS) // also while (re)connecting
                .whenComplete((ok, error) -> health(error));
    }

    public boolean healthy() {
        return healthy.get();
    }

    /** The cause behind the wrappers a failed stage hands on. */
    public static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
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
                LOG.log(Level.INFO, () -> user + ": Redis at " + where + " reachable again; " + whenShared);
            }
        } else if (healthy.compareAndSet(true, false)) {
            Throwable cause = unwrap(error);
            LOG.log(Level.WARNING, () -> user + ": Redis at " + where + " unreachable ("
                    + cause.getClass().getSimpleName() + "); " + whenAlone + " until it is back");
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
