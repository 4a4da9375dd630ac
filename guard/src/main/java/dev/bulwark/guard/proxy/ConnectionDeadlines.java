package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.ClientTimeouts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Closes a kept-alive client connection whose next request head is not complete within {@link ClientTimeouts#idle()}
 * of the last reply. Without it a client that sends one request and then trickles the next header a byte a minute
 * holds the connection for ever, and a few thousand of them exhaust the gateway's file descriptors (slowloris). The
 * first request of a connection is not tracked here (Vert.x shows a connection only once its first head is parsed):
 * the listener's idle timeout closes a silent one, {@code maxHeaderSize} bounds a trickling one. One instance per
 * listener: its state is touched on that listener's event loop only.
 */
final class ConnectionDeadlines {
    private final Vertx vertx;
    private final long idleMillis;
    private final Consumer<String> closedSlow;
    private final Map<HttpConnection, Tracked> tracked = new HashMap<>();

    /** A connection's requests in progress and the timer that closes it while it has none. */
    private static final class Tracked {
        int active;
        long timer = -1;
    }

    /** @param closedSlow told {@code idle} for each connection closed for being slow (a metric) */
    ConnectionDeadlines(Vertx vertx, ClientTimeouts timeouts, Consumer<String> closedSlow) {
        this.vertx = vertx;
        this.idleMillis = timeouts.idle().toMillis();
        this.closedSlow = closedSlow;
    }

    /** A request's head arrived: no deadline while it runs (the body has its own); the next one starts at its end. */
    void started(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        Tracked t = tracked.computeIfAbsent(connection, this::track);
        t.active++;
        cancel(t);
        request.response().endHandler(v -> {
            if (--t.active == 0 && tracked.containsKey(connection)) arm(connection, t);
        });
    }

    private Tracked track(HttpConnection connection) {
        connection.closeHandler(v -> {
            Tracked gone = tracked.remove(connection);
            if (gone != null) cancel(gone);
        });
        return new Tracked();
    }

    private void arm(HttpConnection connection, Tracked t) {
        t.timer = vertx.setTimer(idleMillis, id -> {
            t.timer = -1;
            if (t.active > 0) return;
            closedSlow.accept("idle");
            connection.close();
        });
    }

    private void cancel(Tracked t) {
        if (t.timer >= 0) vertx.cancelTimer(t.timer);
        t.timer = -1;
    }
}
