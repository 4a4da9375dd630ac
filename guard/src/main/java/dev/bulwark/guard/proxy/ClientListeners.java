package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.ClientTimeouts;
import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client listener as several HTTP servers on one port, each on an event loop of its own: Vert.x runs one server
 * instance on one event loop and spreads the accepted connections over the instances sharing a port, so one
 * instance per core is what lets the gateway use more than one. Port 0 (any free port) is asked for as Vert.x's
 * shared random port, -1: a plain 0 would give each instance a port of its own.
 */
final class ClientListeners {
    private final List<HttpServer> servers;

    private ClientListeners(List<HttpServer> servers) {
        this.servers = servers;
    }

    /** One per core: the filters that would keep a core busy run on the worker pool, not here. */
    static int defaultCount() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * What every listener shares: its options, the request handler, how slow a client may be and how many
     * connections one address may hold.
     *
     * @param closedSlow told {@code head} or {@code idle} for each connection closed for being slow
     * @param refused    told the address of each connection refused for its address's count (a metric and a log line)
     */
    record Setup(HttpServerOptions options, Handler<HttpServerRequest> handler, ClientTimeouts timeouts,
                 Consumer<String> closedSlow, ConnectionsPerAddress perAddress, Consumer<String> refused) {
    }

    /** Binds {@code count} servers on {@code host:port}; completes once all listen. */
    static Future<ClientListeners> bind(Vertx vertx, Setup setup, String host, int port, int count) {
        List<HttpServer> servers = new CopyOnWriteArrayList<>();
        int shared = port == 0 ? -1 : port;
        return vertx.deployVerticle(() -> listener(vertx, setup, host, shared, servers),
                        new DeploymentOptions().setInstances(Math.max(1, count)))
                .map(done -> new ClientListeners(List.copyOf(servers)));
    }

    private static Deployable listener(Vertx vertx, Setup setup, String host, int port, List<HttpServer> servers) {
        return (Context context) -> {
            var deadlines = new ConnectionDeadlines(vertx, setup.timeouts(), setup.closedSlow());
            // HTTP/1.1 only: with cleartext HTTP/2 upgrades on, Vert.x shows a connection only once its first head is
            // parsed, and a client trickling that head could not be timed
            HttpServer server = vertx.createHttpServer(new HttpServerOptions(setup.options()).setHttp2ClearTextEnabled(false))
                    .connectionHandler(connection -> {
                        String address = connection.remoteAddress() == null ? null
                                : connection.remoteAddress().hostAddress();
                        Runnable release = setup.perAddress().admit(address);
                        if (release == null) {
                            setup.refused().accept(address);
                            connection.close();
                            return;
                        }
                        deadlines.opened(connection, release);
                    })
                    .requestHandler(request -> {
                        deadlines.started(request);
                        setup.handler().handle(request);
                    });
            servers.add(server);
            return server.listen(port, host);
        };
    }

    int actualPort() {
        return servers.get(0).actualPort();
    }

    /** Stops accepting on every instance and lets requests in flight finish, for at most {@code seconds}. */
    Future<Void> shutdown(long seconds) {
        return Future.all(servers.stream().map(s -> s.shutdown(seconds, TimeUnit.SECONDS)).toList()).mapEmpty();
    }
}
