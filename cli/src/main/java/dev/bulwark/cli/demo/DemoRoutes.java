package dev.bulwark.cli.demo;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wires the demo's routes. The order of the handlers is the security story: CORS, then (hardened) rate limit and
 * authentication on the API paths, then the bounded body reader, then the endpoints, then the error pages.
 */
final class DemoRoutes {
    /** Largest request body read in hardened mode; a bigger one is refused with 413 before it is buffered. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    /**
     * Vulnerable mode's limit: 1 MiB, so a 512 KiB prompt is accepted and "billed" (unbounded input size), while
     * the demo itself still cannot be made to buffer unbounded bodies.
     */
    static final long VULNERABLE_MAX_BODY_BYTES = 1024 * 1024;
    private static final String[] API_PATHS = {"/v1/*", "/api/*"};

    private DemoRoutes() {
    }

    static Router build(Vertx vertx, DemoTarget.Options options, AtomicLong served) {
        boolean hardened = options.hardened();
        Molly molly = hardened ? Molly.hardened() : Molly.vulnerable();
        Clock clock = Clock.systemUTC();
        Router router = Router.router(vertx);

        router.route().handler(ctx -> {
            served.incrementAndGet();
            ctx.response().putHeader("X-Bulwark-Demo", "simulated")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Cache-Control", "no-store");
            ctx.next();
        });
        router.route().handler(new Cors(!hardened));
        if (hardened) {
            RateLimiter limiter = new RateLimiter(options.rateLimit(), System::nanoTime);
            BearerAuth auth = new BearerAuth(options.apiKey());
            for (String path : API_PATHS) router.route(path).handler(limiter).handler(auth);
        }
        router.route().handler(BodyHandler.create(false)
                .setBodyLimit(hardened ? MAX_BODY_BYTES : VULNERABLE_MAX_BODY_BYTES));

        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(Banner.text(hardened)));
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "ok").put("simulated", true)
                .put("model", Molly.MODEL).put("mode", hardened ? "hardened" : "vulnerable")));
        router.get("/v1/models").handler(ctx -> ctx.json(OpenAiJson.models(clock.instant().getEpochSecond())));
        router.post("/v1/chat/completions").handler(new ChatCompletionsApi(molly, clock, !hardened));
        router.post("/api/ask").handler(new AskApi(molly));
        router.route().failureHandler(new ErrorPages(hardened));
        return router;
    }
}
