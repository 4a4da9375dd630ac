package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.ClientTimeouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
        }, ClientTimeouts.DEFAULTS, phase -> { }), "127.0.0.1", 0, 3).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

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
}
