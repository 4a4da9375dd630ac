package dev.bulwark.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * The baseline for the gateway's overhead: a reverse proxy that does nothing but relay, built on the same HTTP
 * library and client settings as the gateway (Vert.x, keep-alive pool of 64, no decompression) and, like the
 * gateway, reading each request and each reply whole before passing it on (the gateway must, to scan them). What
 * this adds over going straight to the upstream is what any proxy in front costs on the machine of the day — the
 * extra hop, its wake-ups and its copies; what the gateway adds beyond it is the gateway's own work.
 * Usage: BareProxy PORT UPSTREAM_URL
 */
public final class BareProxy {
    private BareProxy() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = start(Vertx.vertx(), Integer.parseInt(args[0]), URI.create(args[1]));
        System.out.println("bare proxy on http://127.0.0.1:" + server.actualPort());
        Thread.currentThread().join();
    }

    static HttpServer start(Vertx vertx, int port, URI upstream) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(64));
        return vertx.createHttpServer().requestHandler(req -> relay(client, upstream, req))
                .listen(port, "127.0.0.1").await();
    }

    private static void relay(HttpClient client, URI upstream, HttpServerRequest req) {
        req.body().compose(body -> {
            RequestOptions options = new RequestOptions().setMethod(req.method()).setHost(upstream.getHost())
                    .setPort(upstream.getPort()).setURI(req.uri());
            String type = req.getHeader("content-type");
            if (type != null) options.putHeader("content-type", type);
            return client.request(options).compose(out -> out.send(body))
                    .compose(res -> res.body().map(reply -> {
                        String replyType = res.getHeader("content-type");
                        if (replyType != null) req.response().putHeader("content-type", replyType);
                        req.response().setStatusCode(res.statusCode()).end(reply);
                        return reply;
                    }));
        }).onFailure(e -> {
            if (!req.response().ended()) req.response().setStatusCode(502).end();
        });
    }
}
