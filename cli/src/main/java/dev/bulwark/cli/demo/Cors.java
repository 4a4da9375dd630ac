package dev.bulwark.cli.demo;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-origin policy. {@code reflect}: the planted weakness — any Origin is echoed back with credentials allowed,
 * preflights included, so any web page a logged-in user visits can call the API. Otherwise: no cross-origin access
 * at all (the shop's own pages are same-origin and need none); preflights are refused.
 */
record Cors(boolean reflect) implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse res = ctx.response();
        String origin = req.getHeader("Origin");
        boolean preflight = req.method() == HttpMethod.OPTIONS
                && req.getHeader("Access-Control-Request-Method") != null;
        if (!reflect) {
            if (preflight) {
                res.setStatusCode(403).end();
            } else {
                ctx.next();
            }
            return;
        }
        if (origin != null) {
            res.putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Allow-Credentials", "true")
                    .putHeader("Vary", "Origin");
        }
        if (preflight) {
            String asked = req.getHeader("Access-Control-Request-Headers");
            res.putHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", asked != null ? asked : "Authorization, Content-Type")
                    .putHeader("Access-Control-Max-Age", "86400")
                    .setStatusCode(204)
                    .end();
            return;
        }
        ctx.next();
    }
}
