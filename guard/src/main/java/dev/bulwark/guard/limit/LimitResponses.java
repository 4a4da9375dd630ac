package dev.bulwark.guard.limit;

import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import dev.bulwark.guard.pipeline.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a {@link LimitDecision} into HTTP: {@code RateLimit-*} headers, and a 429 (or 503) refusal. */
public final class LimitResponses {
    /** Scope of the decision when the shared limiter store could not be reached. */
    public static final String UNAVAILABLE_SCOPE = "limiter";

    static final LimitDecision UNLIMITED = new LimitDecision(true, -1, -1, 0, 0, "none", "none");
    static final LimitDecision UNAVAILABLE = new LimitDecision(false, -1, -1, 0, 1, UNAVAILABLE_SCOPE, "unavailable");

    private LimitResponses() {
    }

    /** The refusal when the limiter could not decide at all (its store unreachable, or it threw): fail closed. */
    public static Refusal unavailable() {
        return refusal(UNAVAILABLE);
    }

    /**
     * {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (seconds) when a limit applies, plus
     * {@code Retry-After} (seconds) on a refusal.
     */
    public static Map<String, String> headers(LimitDecision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (decision.limit() >= 0) {
            headers.put("RateLimit-Limit", Long.toString(decision.limit()));
            headers.put("RateLimit-Remaining", Long.toString(Math.max(0, decision.remaining())));
            headers.put("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        }
        if (!decision.allowed()) headers.put("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
        return headers;
    }

    /**
     * The refusal for a decision that did not allow the request: 429 {@code rate_limit_exceeded} (type
     * {@code requests}, {@code tokens} or {@code concurrency}, as OpenAI names them), or 503
     * {@code limiter_unavailable} when the shared store was unreachable (the limiter fails closed).
     */
    public static Refusal refusal(LimitDecision decision) {
        if (decision.allowed()) throw new IllegalArgumentException("the request was allowed");
        if (UNAVAILABLE_SCOPE.equals(decision.scope())) {
            return new Refusal(503, "server_error", "limiter_unavailable",
                    "rate limiting is temporarily unavailable; try again shortly", headers(decision));
        }
        String message = switch (decision.kind()) {
            case "tokens" -> "token rate limit reached (" + decision.scope() + "); retry after "
                    + Math.max(1, decision.retryAfterSeconds()) + "s";
            case "concurrency" -> "too many requests in flight (" + decision.scope() + ")";
            default -> "request rate limit reached (" + decision.scope() + "); retry after "
                    + Math.max(1, decision.retryAfterSeconds()) + "s";
        };
        return new Refusal(429, decision.kind(), "rate_limit_exceeded", message, headers(decision));
    }
}
