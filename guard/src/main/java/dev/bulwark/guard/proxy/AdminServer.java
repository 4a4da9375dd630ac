package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/** The admin listener's routes: {@code GET /health} and {@code GET /metrics} (Prometheus text); nothing else. */
final class AdminServer {
    private AdminServer() {
    }

    static Router router(Vertx vertx, PrometheusMeterRegistry registry, int upstreams) {
        Router router = Router.router(vertx);
        router.route(HttpMethod.GET, "/health").handler(rc -> {
            ObjectNode health = JsonNodeFactory.instance.objectNode().put("status", "ok").put("upstreams", upstreams);
            rc.response().putHeader("content-type", "application/json").end(JsonBodies.write(health));
        });
        router.route(HttpMethod.GET, "/metrics").handler(rc -> rc.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
        router.route().last().handler(rc -> ErrorReplies.send(rc.response(), ErrorReplies.notFound()));
        router.errorHandler(500, rc -> ErrorReplies.send(rc.response(), ErrorReplies.internal()));
        return router;
    }
}
