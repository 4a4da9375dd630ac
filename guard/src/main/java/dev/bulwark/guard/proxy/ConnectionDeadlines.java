package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.ClientTimeouts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Closes a client connection whose request head is not complete within {@link ClientTimeouts#idle()} of the
 * connection opening or of its last reply, however it trickles in: connections held open cost file descriptors, and a
 * few thousand slow ones exhaust them (slowloris). It needs the listener to show connections as they open, which
 * Vert.x does only with cleartext HTTP/2 upgrades off (it otherwise waits for the first head to tell HTTP/1 from
 * HTTP/2). One instance per listener: its state is touched on that listener's event loop only.
 */
final class ConnectionDeadlines {
    private final Vertx vertx;
    private final long idleMillis;
    private final Consumer<String> closedSlow;
    private final Map<HttpConnection, Tracked> tracked = new HashMap<>();

    /** A connection's requests in progress, the timer that closes it while it has none, and what its close ends. */
    private static final class Tracked {
        int active;
        long timer = -1;
        Runnable onClose = () -> { };
    }

    /** @param closedSlow told {@code head} or {@code idle} for each connection closed for being slow (a metric) */
    ConnectionDeadlines(Vertx vertx, ClientTimeouts timeouts, Consumer<String> closedSlow) {
        this.vertx = vertx;
        this.idleMillis = timeouts.idle().toMillis();
        this.closedSlow = closedSlow;
    }

    /**
     * A connection opened: its first request head is due within the idle time too.
     *
     * @param onClose run once when the connection closes (it releases the connection's place in its address's count)
     */
    void opened(HttpConnection connection, Runnable onClose) {
        Tracked t = tracked.computeIfAbsent(connection, this::track);
        t.onClose = onClose;
        if (t.active == 0 && t.timer < 0) arm(connection, t, "head");
    }

    /** A request's head arrived: no deadline while it runs (the body has its own); the next one starts at its end. */
    void started(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        Tracked t = tracked.computeIfAbsent(connection, this::track);
        t.active++;
        cancel(t);
        request.response().endHandler(v -> {
            if (--t.active == 0 && tracked.containsKey(connection)) arm(connection, t, "idle");
        });
    }

    private Tracked track(HttpConnection connection) {
        connection.closeHandler(v -> {
            Tracked gone = tracked.remove(connection);
            if (gone != null) {
                cancel(gone);
                gone.onClose.run();
            }
        });
        return new Tracked();
    }

    /** @param phase what the connection was late with: its first head, or the next one after a reply */
    private void arm(HttpConnection connection, Tracked t, String phase) {
        t.timer = vertx.setTimer(idleMillis, id -> {
            t.timer = -1;
            if (t.active > 0) return;
            closedSlow.accept(phase);
            connection.close();
        });
    }

    private void cancel(Tracked t) {
        if (t.timer >= 0) vertx.cancelTimer(t.timer);
        t.timer = -1;
    }
}
