package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.UpstreamAdapter.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ClientSSLOptions;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sends an adapter's request to its upstream and hands back the response once its head arrived. The upstream's
 * timeout bounds the wait for the head (and, via the idle timeout, every pause in the body); failures come back as
 * {@link Refused} with a clean 502 or 504, never the cause's text.
 */
final class UpstreamCall {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final long MAX_CONNECT_MILLIS = 10_000;
    /** Never sent upstream even if an adapter put them in: hop-by-hop, or set by the client library itself. */
    private static final Set<String> DROPPED = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "cookie");

    private final Vertx vertx;
    private final HttpClient client;
    private final UpstreamTls tls;
    private final UpstreamTls.Warnings handshakeWarnings = new UpstreamTls.Warnings();

    UpstreamCall(Vertx vertx, HttpClient client, UpstreamTls tls) {
        this.vertx = vertx;
        this.client = client;
        this.tls = tls;
    }

    /** An answered call; {@link #settled()} must be called once the reply is read (or abandoned). */
    static final class Opened {
        final HttpClientRequest request;
        final HttpClientResponse response;
        private final Vertx vertx;
        private final long timer;

        Opened(HttpClientRequest request, HttpClientResponse response, Vertx vertx, long timer) {
            this.request = request;
            this.response = response;
            this.vertx = vertx;
            this.timer = timer;
        }

        /** Stops the whole-exchange timer (the idle timeout still guards stalls). */
        void settled() {
            vertx.cancelTimer(timer);
        }

        /** Drops the upstream exchange (client gone, reply blocked or too large). */
        void cancel() {
            settled();
            response.exceptionHandler(ignored -> { }); // the reset we cause is not an error worth logging
            request.reset();
        }
    }

    Future<Opened> open(Upstream upstream, UpstreamRequest call, Exchange ex) {
        long timeoutMillis = timeout(upstream).toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(call.method().toUpperCase(Locale.ROOT)))
                .setAbsoluteURI(target(upstream.url(), call.pathAndQuery()))
                .setFollowRedirects(false)
                .setConnectTimeout(Math.min(timeoutMillis, MAX_CONNECT_MILLIS))
                .setIdleTimeout(timeoutMillis);
        ClientSSLOptions ssl = tls.forUpstream(upstream);
        if (ssl != null) options.setSslOptions(ssl);
        call.headers().forEach((name, value) -> {
            if (!DROPPED.contains(name.toLowerCase(Locale.ROOT))) options.putHeader(name, value);
        });
        boolean[] timedOut = {false};
        ex.upstreamStartNanos = System.nanoTime();
        return client.request(options)
                .compose(request -> {
                    long timer = vertx.setTimer(timeoutMillis, id -> {
                        timedOut[0] = true;
                        request.reset(0, new TimeoutException("upstream timeout"));
                    });
                    return request.send(Buffer.buffer(call.body()))
                            .map(response -> new Opened(request, response, vertx, timer))
                            .onFailure(e -> vertx.cancelTimer(timer));
                })
                .recover(e -> Future.failedFuture(refusalFor(e, timedOut[0], upstream)))
                .onSuccess(opened -> ex.upstreamHeadersNanos = System.nanoTime());
    }

    /** A failure of the upstream exchange as the refusal the client gets. */
    static Refused classify(Throwable failure, boolean timedOut) {
        if (failure instanceof Refused refused) return refused;
        if (timedOut || isTimeout(failure)) return new Refused(ErrorReplies.upstreamTimeout(), "upstream-error");
        return new Refused(ErrorReplies.upstreamUnavailable(), "upstream-error");
    }

    /**
     * Like {@link #classify(Throwable, boolean)}, and a certificate the gateway refused is said so in the audit and
     * the log (the client still gets the plain 502): the operator's fix is in guard.yaml, not at the model server.
     */
    private Refused refusalFor(Throwable failure, boolean timedOut, Upstream upstream) {
        Refused plain = classify(failure, timedOut);
        if (plain.refusal.status() == 504 || !UpstreamTls.isCertificateFailure(failure)) return plain;
        handshakeWarnings.warn(upstream.id());
        return new Refused(ErrorReplies.upstreamUnavailable(), "upstream-error", List.of(new Decision("upstream", "tls",
                "failed", 1, 1, "certificate not trusted or not issued for the upstream's host")));
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) return true;
            if (t instanceof ConnectException || t instanceof UnknownHostException) return false;
        }
        return false;
    }

    static Duration timeout(Upstream upstream) {
        Duration t = upstream.timeout();
        return t == null || t.isZero() || t.isNegative() ? DEFAULT_TIMEOUT : t;
    }

    /** The upstream's base URL (which may end in a path such as {@code /v1}) joined with the adapter's path. */
    static String target(URI base, String pathAndQuery) {
        String root = base.toString();
        while (root.endsWith("/")) root = root.substring(0, root.length() - 1);
        return pathAndQuery.startsWith("/") ? root + pathAndQuery : root + "/" + pathAndQuery;
    }
}
