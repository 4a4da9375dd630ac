package dev.bulwark.guard.proxy;

import dev.bulwark.guard.limit.LimitResponses;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import io.vertx.core.MultiMap;

/** Headers every reply carries: the request id, and the rate-limit state once the limiter has spoken. */
final class ReplyHeaders {
    private ReplyHeaders() {
    }

    static void apply(MultiMap headers, Exchange ex) {
        headers.set("x-request-id", ex.requestId);
        LimitDecision limit = ex.limit;
        if (limit != null) LimitResponses.headers(limit).forEach(headers::set);
    }
}
