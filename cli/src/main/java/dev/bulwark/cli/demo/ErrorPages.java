package dev.bulwark.cli.demo;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * What a failed request gets. Vulnerable: every handler failure becomes HTTP 500 with a Java stack trace and
 * internal paths (the planted verbose-error weakness). Hardened: a short JSON error with the right status and
 * nothing about the internals.
 */
record ErrorPages(boolean hardened) implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse res = ctx.response();
        if (res.headWritten()) {
            if (!res.ended()) res.reset();
            return;
        }
        int status = ctx.statusCode();
        Throwable failure = ctx.failure();
        if (status == 413) {
            json(ctx, 413, "request body too large", "invalid_request_error");
        } else if (status == 404 || status == 405) {
            json(ctx, status, status == 404 ? "not found" : "method not allowed", "invalid_request_error");
        } else if (hardened) {
            if (status == 400) {
                json(ctx, 400, "invalid request body", "invalid_request_error");
            } else {
                json(ctx, 500, "internal error", "server_error");
            }
        } else {
            Throwable cause = failure != null ? failure : new IllegalStateException("request failed: " + status);
            res.setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(StackTracePage.render(ctx.request().method() + " " + ctx.request().path(), cause));
        }
    }

    private static void json(RoutingContext ctx, int status, String message, String type) {
        ctx.response().setStatusCode(status);
        ctx.json(OpenAiJson.error(message, type));
    }
}
