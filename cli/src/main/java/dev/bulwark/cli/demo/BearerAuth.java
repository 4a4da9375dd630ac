package dev.bulwark.cli.demo;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Hardened mode: the API answers only requests that carry {@code Authorization: Bearer <key>}. */
final class BearerAuth implements Handler<RoutingContext> {
    private final byte[] expected;

    BearerAuth(String apiKey) {
        this.expected = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader("Authorization");
        // Constant-time comparison, so response timing does not reveal how much of a guess was right.
        if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"molly\"");
        ctx.json(OpenAiJson.error("missing or invalid API key", "invalid_api_key"));
    }
}
