package dev.bulwark.cli.demo;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.function.LongSupplier;

/**
 * Hardened mode: a token bucket over all API requests ({@code burst} tokens, refilled at {@code perSecond}); an
 * empty bucket answers 429 with {@code Retry-After} in whole seconds. One bucket for the whole server is enough
 * here — every client of a loopback demo is the same machine.
 */
final class RateLimiter implements Handler<RoutingContext> {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    RateLimiter(DemoTarget.RateLimit limit, LongSupplier nanoClock) {
        this.capacity = limit.burst();
        this.perNano = limit.perSecond() / NANOS_PER_SECOND;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    @Override
    public void handle(RoutingContext ctx) {
        long waitNanos = tryAcquire();
        if (waitNanos == 0) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, (long) Math.ceil(waitNanos / NANOS_PER_SECOND));
        ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(seconds));
        ctx.json(OpenAiJson.error("rate limit exceeded, retry later", "rate_limit_exceeded"));
    }

    /** Takes a token and returns 0, or returns how many nanoseconds until one is available. */
    synchronized long tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
