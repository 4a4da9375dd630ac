package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.ClientTimeouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientListenersTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void severalServersShareOneFreePortEachOnItsOwnEventLoop() throws Exception {
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ClientListeners listeners = ClientListeners.bind(vertx, new ClientListeners.Setup(new HttpServerOptions(), req -> {
            threads.add(Thread.currentThread().getName());
            req.response().end("ok");
        }, ClientTimeouts.DEFAULTS, phase -> { }, new ConnectionsPerAddress(0, a -> false), a -> { }), "127.0.0.1", 0, 3).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(listeners.actualPort()).isPositive();
        HttpClientAgent client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(12));
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            bodies.add(client.request(HttpMethod.GET, listeners.actualPort(), "127.0.0.1", "/")
                    .compose(r -> r.send().compose(res -> res.body()))
                    .map(Object::toString)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
        assertThat(bodies).containsExactly("ok");
        assertThat(threads).allMatch(t -> t.startsWith("vert.x-eventloop-thread"));

        listeners.shutdown(1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfConnectionsAcrossEveryListener() throws Exception {
        var perAddress = new ConnectionsPerAddress(2, a -> false);
        List<String> refused = new CopyOnWriteArrayList<>();
        ClientListeners listeners = bind(perAddress, refused);
        int port = listeners.actualPort();
        List<Socket> sockets = new ArrayList<>();
        try {
            Socket first = open(port, sockets);
            Socket second = open(port, sockets);
            await(() -> perAddress.open("127.0.0.1") == 2);

            Socket third = open(port, sockets);
            assertThat(third.getInputStream().read()).as("closed as it opened").isEqualTo(-1);
            assertThat(refused).containsExactly("127.0.0.1");
            assertThat(exchange(first)).startsWith("HTTP/1.1 200");
            assertThat(exchange(second)).startsWith("HTTP/1.1 200");

            first.close();
            await(() -> perAddress.open("127.0.0.1") == 1);
            Socket fourth = open(port, sockets);
            assertThat(exchange(fourth)).as("a closed connection gives its place back").startsWith("HTTP/1.1 200");
        } finally {
            for (Socket s : sockets) s.close();
        }
        await(() -> perAddress.addresses() == 0);
        assertThat(refused).hasSize(1);
        listeners.shutdown(1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTrustedProxyIsNotCounted() throws Exception {
        var perAddress = new ConnectionsPerAddress(1, "127.0.0.1"::equals);
        List<String> refused = new CopyOnWriteArrayList<>();
        ClientListeners listeners = bind(perAddress, refused);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) open(listeners.actualPort(), sockets);
            for (Socket s : sockets) assertThat(exchange(s)).startsWith("HTTP/1.1 200");
        } finally {
            for (Socket s : sockets) s.close();
        }
        assertThat(refused).isEmpty();
        assertThat(perAddress.addresses()).isZero();
        listeners.shutdown(1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private ClientListeners bind(ConnectionsPerAddress perAddress, List<String> refused) throws Exception {
        return ClientListeners.bind(vertx, new ClientListeners.Setup(new HttpServerOptions(),
                        req -> req.response().end("ok"), ClientTimeouts.DEFAULTS, phase -> { }, perAddress, refused::add),
                "127.0.0.1", 0, 3).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Socket open(int port, List<Socket> sockets) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        sockets.add(s);
        return s;
    }

    /** One request on a raw connection, and the reply's status line. */
    private static String exchange(Socket s) throws IOException {
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        var line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) line.append((char) c);
        return line.toString();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
