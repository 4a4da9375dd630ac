package dev.bulwark.guard.proxy;

import dev.bulwark.guard.GuardComponents;
import dev.bulwark.guard.config.Admin;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.Listen;
import dev.bulwark.guard.config.TlsConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.X509TrustManager;

/**
 * The gateway's servers and what they share: one Vert.x instance, the client listener (one server per core, each on
 * its own event loop, sharing the port), the admin listener, the upstream HTTP client, the filter worker pool and the
 * metrics registry.
 */
public final class ProxyServer {
    private static final Logger LOG = Logger.getLogger(ProxyServer.class.getName());
    private static final long DRAIN_SECONDS = 30;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Vertx vertx;
    private final GuardComponents components;
    private final WorkerExecutor workers;
    private final HttpClientAgent client;
    private final InFlight inFlight;
    private final ClientListeners server;
    private final HttpServer admin;
    private final String url;

    private ProxyServer(Vertx vertx, GuardComponents components, WorkerExecutor workers, HttpClientAgent client,
                        InFlight inFlight, ClientListeners server, HttpServer admin, String url) {
        this.vertx = vertx;
        this.components = components;
        this.workers = workers;
        this.client = client;
        this.inFlight = inFlight;
        this.server = server;
        this.admin = admin;
        this.url = url;
    }

    /** Builds and binds everything; blocks until listening. */
    public static ProxyServer start(GuardConfig config, GuardComponents components) {
        Vertx vertx = Vertx.vertx();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            GatewayMetrics metrics = new GatewayMetrics(registry);
            WorkerExecutor workers = vertx.createSharedWorkerExecutor("bulwark-guard-filters", components.workerPoolSize());
            HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions()
                            .setKeepAlive(true).setDecompressionSupported(false).setMaxHeaderSize(MAX_HEADER_BYTES),
                    new PoolOptions().setHttp1MaxSize(64));
            InFlight inFlight = new InFlight();
            ExchangeRecorder recorder = new ExchangeRecorder(components.audit(), components.limiter(),
                    components.auditText(), metrics, workers, inFlight, components.input());
            var parts = new RequestPipeline.Parts(components.access(), components.limiter(), components.monitor(),
                    components.input(), components.output(), components.adapters(),
                    new UpstreamRouter(config.upstreams()), config.policies(), config.listen().timeouts().body(),
                    config.listen().tls() != null
                            && config.listen().tls().clientCertificates() != TlsConfig.ClientCertificates.OFF);
            var upstreamCall = new UpstreamCall(vertx, client, UpstreamTls.of(config.upstreams()));
            var pipeline = new RequestPipeline(vertx, parts, workers, upstreamCall, recorder, metrics);

            Listen listen = config.listen();
            var addresses = new ClientAddresses(listen.trustedProxies(), listen.forwardedHeader());
            var setup = new ClientListeners.Setup(serverOptions(listen, config.source()),
                    ProxyRoutes.router(vertx, pipeline, recorder, config.policies().cors(), addresses), listen.timeouts(),
                    metrics::slowClientClosed,
                    new ConnectionsPerAddress(listen.maxConnectionsPerAddress(), addresses::trusted),
                    new RefusedConnections(metrics, listen.maxConnectionsPerAddress()));
            ClientListeners server = await(ClientListeners.bind(vertx, setup, listen.host(), listen.port(),
                    ClientListeners.defaultCount()));
            HttpServer admin = null;
            Admin adminConfig = config.admin();
            if (adminConfig.enabled()) {
                admin = vertx.createHttpServer(new HttpServerOptions().setMaxHeaderSize(MAX_HEADER_BYTES))
                        .requestHandler(AdminServer.router(vertx, registry, config.upstreams().size()));
                await(admin.listen(adminConfig.port(), adminConfig.host()));
            }
            String url = (listen.tls() != null ? "https" : "http") + "://" + hostForUrl(listen.host()) + ":" + server.actualPort();
            return new ProxyServer(vertx, components, workers, client, inFlight, server, admin, url);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    public int adminPort() {
        return admin == null ? -1 : admin.actualPort();
    }

    public String url() {
        return url;
    }

    /** Stops accepting, waits (bounded) for requests in flight and their audit records, then closes everything. */
    public void close() {
        try {
            server.shutdown(DRAIN_SECONDS).toCompletionStage().toCompletableFuture()
                    .get(DRAIN_SECONDS + 5, TimeUnit.SECONDS);
            inFlight.drain().get(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "gateway did not drain cleanly: " + e.getClass().getSimpleName());
        }
        if (admin != null) quietly(() -> await(admin.close()));
        quietly(() -> await(client.close()));
        quietly(components.limiter()::close);
        quietly(components.monitor()::close);
        quietly(components.audit()::close);
        closeIfCloseable(components.access()); // a JWKS refresh thread
        closeIfCloseable(components.input()); // a Redis connection (replies shared between instances)
        quietly(() -> await(workers.close()));
        quietly(() -> await(vertx.close()));
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the gateway: " + e.getClass().getSimpleName());
        }
    }

    private static void closeIfCloseable(Object component) {
        if (component instanceof AutoCloseable closeable) {
            quietly(() -> {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static HttpServerOptions serverOptions(Listen listen, Path source) {
        HttpServerOptions options = new HttpServerOptions()
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                // closes connections silent both ways (a client that connected and stopped, mid-head or between requests)
                .setIdleTimeout(Math.toIntExact(listen.timeouts().silence().toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setCompressionSupported(false)
                .setDecompressionSupported(false);
        TlsConfig tls = listen.tls();
        if (tls != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(resolve(source, tls.certificate()).toString())
                    .setKeyPath(resolve(source, tls.privateKey()).toString()));
            switch (tls.clientCertificates()) {
                case OFF -> { }
                case REQUEST -> options.setClientAuth(ClientAuth.REQUEST);
                case REQUIRE -> options.setClientAuth(ClientAuth.REQUIRED);
            }
            if (tls.clientCertificates() != TlsConfig.ClientCertificates.OFF) {
                options.setTrustOptions(tls.clientCa() != null
                        ? new PemTrustOptions().addCertPath(resolve(source, tls.clientCa()).toString())
                        : TrustOptions.wrap(new PinnedOnly()));
            }
        }
        return options;
    }

    /**
     * Lets any client certificate through the handshake (the handshake still proves the client holds its private
     * key): without {@code clientCa}, a certificate identifies a client only when its fingerprint is pinned in
     * {@code clients[].certificateSha256}, which the access control checks per request. Never used for servers.
     */
    private static final class PinnedOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) throw new CertificateException("no client certificate");
            chain[0].checkValidity(); // a pinned certificate still expires
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the gateway's listener does not trust servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Relative paths in guard.yaml are relative to the file. */
    private static Path resolve(Path source, Path path) {
        if (path.isAbsolute() || source == null || source.toAbsolutePath().getParent() == null) return path;
        return source.toAbsolutePath().getParent().resolve(path);
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the gateway", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("gateway could not start: " + cause.getMessage(), cause);
        }
    }
}
