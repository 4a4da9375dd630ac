package dev.bulwark.cli.demo;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.bulwark.core.Masking;

/**
 * The built-in demo target: "Molly", the support assistant of the fictional bike shop Brightside Cycles — a
 * deterministic rule-based simulator (no model) with deliberately planted weaknesses (docs/demo.md), served on
 * 127.0.0.1 only. In {@linkplain Options#hardened() hardened} mode every planted weakness is fixed, so the same
 * assessment can show a before and an after.
 *
 * <pre>{@code
 * try (DemoTarget demo = DemoTarget.start(DemoTarget.Options.vulnerable())) {
 *     String scope = DemoScope.yaml(demo.baseUrl());
 *     ...
 * }
 * }</pre>
 */
public final class DemoTarget implements AutoCloseable {
    /** The only interface the demo ever listens on. */
    public static final String HOST = "127.0.0.1";
    private static final long START_STOP_SECONDS = 10;

    private final Vertx vertx;
    private final HttpServer server;
    private final Options options;
    private final AtomicLong served;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoTarget(Vertx vertx, HttpServer server, Options options, AtomicLong served) {
        this.vertx = vertx;
        this.server = server;
        this.options = options;
        this.served = served;
    }

    /**
     * Starts the target and returns once it accepts connections.
     *
     * @throws IllegalStateException if the port cannot be bound (in use, no permission) or start-up times out
     */
    public static DemoTarget start(Options options) {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                // No .vertx cache directory in the user's working directory or temp folder.
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        AtomicLong served = new AtomicLong();
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(options.port()))
                    .requestHandler(DemoRoutes.build(vertx, options, served))
                    .listen()
                    .toCompletionStage().toCompletableFuture()
                    .get(START_STOP_SECONDS, TimeUnit.SECONDS);
            return new DemoTarget(vertx, server, options, served);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            vertx.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot start the demo target on " + HOST + ":" + options.port() + ": "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            vertx.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the demo target", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://" + HOST + ":" + port());
    }

    /** The bound port (the chosen free port when {@link Options#port()} was 0). */
    public int port() {
        return server.actualPort();
    }

    public Options options() {
        return options;
    }

    /** How many HTTP requests the target has received, rejected ones included (for benchmarks and budgets). */
    public long requestsServed() {
        return served.get();
    }

    /** Stops listening and releases the port; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        // Two separate waits from the caller's thread: a callback chained onto the server's close would run on an
        // event loop that vertx.close() is shutting down, and its completion would never arrive.
        await(server.close());
        await(vertx.close());
    }

    private static void await(io.vertx.core.Future<Void> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(START_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Closing is best effort: the port is released by the server close, the threads die with the JVM.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How to run the target.
     *
     * @param port      TCP port on 127.0.0.1; 0 picks a free one
     * @param hardened  fix every planted weakness (bearer key, refusals, no PII, strict CORS, generic errors,
     *                  rate limit)
     * @param apiKey    the bearer key hardened mode requires; null in vulnerable mode (which accepts anything)
     * @param rateLimit the hardened mode's request limit; ignored in vulnerable mode (which has none)
     */
    public record Options(int port, boolean hardened, String apiKey, RateLimit rateLimit) {
        public Options {
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535: " + port);
            if (hardened && (apiKey == null || apiKey.isBlank())) {
                throw new IllegalArgumentException("hardened mode needs an API key");
            }
            if (rateLimit == null) throw new IllegalArgumentException("rateLimit must not be null");
        }

        /** Vulnerable on {@code port}, or hardened with a fresh random key (read it from {@link #apiKey()}). */
        public Options(int port, boolean hardened) {
            this(port, hardened, hardened ? randomKey() : null, RateLimit.DEFAULT);
        }

        /** The deliberately vulnerable target on a free port. */
        public static Options vulnerable() {
            return vulnerable(0);
        }

        /** The deliberately vulnerable target on {@code port} (0 = a free one). */
        public static Options vulnerable(int port) {
            return new Options(port, false);
        }

        /** The fixed target on a free port, answering only {@code Authorization: Bearer <apiKey>}. */
        public static Options hardened(String apiKey) {
            return new Options(0, true, apiKey, RateLimit.DEFAULT);
        }

        public Options withPort(int newPort) {
            return new Options(newPort, hardened, apiKey, rateLimit);
        }

        public Options withRateLimit(RateLimit newLimit) {
            return new Options(port, hardened, apiKey, newLimit);
        }

        @Override
        public String toString() {
            return "Options[port=" + port + ", hardened=" + hardened + ", apiKey=" + Masking.mask(apiKey)
                    + ", rateLimit=" + rateLimit + "]";
        }

        private static String randomKey() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return "bwk-demo-" + HexFormat.of().formatHex(bytes);
        }
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
    public record RateLimit(int burst, double perSecond) {
        /** Enough for a person or a polite client; a burst of more than 10 requests gets 429. */
        public static final RateLimit DEFAULT = new RateLimit(10, 5);

        public RateLimit {
            if (burst < 1) throw new IllegalArgumentException("burst must be >= 1");
            if (!(perSecond > 0)) throw new IllegalArgumentException("perSecond must be > 0");
        }
    }
}
