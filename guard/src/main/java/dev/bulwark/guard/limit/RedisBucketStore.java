package dev.bulwark.guard.limit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Buckets in Redis, shared by every gateway instance pointing at it (Bucket4j's compare-and-swap proxy over Lettuce's
 * async API: nothing here blocks). Keys start with {@code bulwark:} and expire once their bucket would be full again,
 * so idle clients and addresses leave nothing behind.
 *
 * <p>Fails closed: while Redis cannot be reached (not yet connected, disconnected, a command timing out) every
 * {@link #tryConsume} fails at once and the limiter refuses with 503. A gateway whose limits cannot be enforced must
 * not serve unlimited traffic (that is the unbounded-consumption weakness it exists to close), and a limiter outage
 * shows up loudly instead of silently. Lettuce reconnects by itself. The gateway starts only once the first
 * connection is up ({@link #connectNow}): a Redis that is not there at start is a configuration problem, reported
 * then, rather than a gateway that refuses everything; {@link #connect} alone keeps retrying in the background.
 */
final class RedisBucketStore implements BucketStore {
    private static final System.Logger LOG = System.getLogger(RedisBucketStore.class.getName());
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    /** Connecting may take a little longer than a command (TLS handshake, AUTH). */
    private static final Duration CONNECT_GRACE = Duration.ofSeconds(3);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final AtomicReference<StatefulRedisConnection<String, byte[]>> connection = new AtomicReference<>();
    private final AtomicReference<AsyncProxyManager<String>> buckets = new AtomicReference<>();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bulwark-redis-connect");
        t.setDaemon(true);
        return t;
    });
    /** Completes with the outcome of the first connection attempt (later ones retry in the background). */
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile boolean logFirstFailure = true;

    private RedisBucketStore(URI url, Duration timeout) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(timeout);
        this.timeout = timeout;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while disconnected, fail commands at once rather than queue them: the caller refuses (fail closed)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** Starts connecting in the background and returns at once. */
    static RedisBucketStore connect(URI url, Duration timeout) {
        return connect(url, timeout, true);
    }

    private static RedisBucketStore connect(URI url, Duration timeout, boolean logFirstFailure) {
        RedisBucketStore store = new RedisBucketStore(url, timeout);
        store.logFirstFailure = logFirstFailure;
        store.connector.execute(store::tryConnect);
        return store;
    }

    private void tryConnect() {
        if (closed) return;
        client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                .whenComplete((conn, failure) -> {
                    if (failure != null) {
                        boolean first = firstAttempt.completeExceptionally(failure);
                        // connectNow reports a first failure itself, as the reason the gateway does not start
                        if (!first || logFirstFailure) LOG.log(System.Logger.Level.WARNING, "redis {0}:{1} not reachable ({2}); limiter refuses "
                                + "requests until it is", uri.getHost(), uri.getPort(),
                                failure.getClass().getSimpleName());
                        if (!closed) connector.schedule(this::tryConnect, RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
                        return;
                    }
                    if (closed) {
                        conn.closeAsync();
                        return;
                    }
                    connection.set(conn);
                    buckets.set(Bucket4jLettuce.casBasedBuilder(conn)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .requestTimeout(timeout)
                            .build()
                            .asAsync());
                    firstAttempt.complete(null);
                });
    }

    /**
     * Connects and waits for the first connection: a gateway whose limits cannot be enforced must not start (it
     * would only refuse every request). Later outages are handled by failing closed and reconnecting.
     *
     * @throws IllegalStateException naming host and port (never the password) when Redis cannot be reached
     */
    static RedisBucketStore connectNow(URI url, Duration timeout) {
        RedisBucketStore store = connect(url, timeout, false);
        try {
            store.firstAttempt.get(timeout.toMillis() + CONNECT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return store;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new IllegalStateException("interrupted while connecting to Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            store.close();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? rootCause(e.getCause()) : e;
            throw new IllegalStateException("state.redisUrl: cannot connect to Redis at " + store.uri.getHost() + ":"
                    + store.uri.getPort() + " (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    /** True once the first connection is up (Lettuce keeps it up afterwards). */
    boolean connected() {
        return buckets.get() != null;
    }

    @Override
    public CompletableFuture<Probe> tryConsume(String key, LimitRule rule, long amount) {
        AsyncProxyManager<String> manager = buckets.get();
        if (manager == null) return CompletableFuture.failedFuture(new IllegalStateException("redis not connected"));
        return manager.builder().build(key, () -> CompletableFuture.completedFuture(rule.configuration()))
                .tryConsumeAndReturnRemaining(amount)
                .thenApply(RedisBucketStore::probe);
    }

    @Override
    public void refund(String key, LimitRule rule, long amount) {
        AsyncProxyManager<String> manager = buckets.get();
        if (manager == null) return;
        manager.builder().build(key, () -> CompletableFuture.completedFuture(rule.configuration()))
                .addTokens(amount)
                .exceptionally(e -> logLost("refund", e));
    }

    @Override
    public void charge(String key, LimitRule rule, long amount) {
        AsyncProxyManager<String> manager = buckets.get();
        if (manager == null) return;
        manager.builder().build(key, () -> CompletableFuture.completedFuture(rule.configuration()))
                .consumeIgnoringRateLimits(amount)
                .exceptionally(e -> {
                    logLost("charge", e);
                    return 0L;
                });
    }

    private static Void logLost(String what, Throwable e) {
        LOG.log(System.Logger.Level.WARNING, "redis {0} lost ({1})", what, e.getClass().getSimpleName());
        return null;
    }

    private static Probe probe(ConsumptionProbe p) {
        return new Probe(p.isConsumed(), p.getRemainingTokens(), p.getNanosToWaitForRefill());
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisConnection<String, byte[]> conn = connection.getAndSet(null);
        if (conn != null) conn.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
