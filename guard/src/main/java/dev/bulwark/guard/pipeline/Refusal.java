package dev.bulwark.guard.pipeline;

import java.util.Map;

/**
 * A clean refusal sent instead of a reply: an HTTP status and an OpenAI-style error body
 * {@code {"error": {"message", "type", "code"}}}, never a stack trace or upstream text.
 *
 * @param headers extra response headers (Retry-After, RateLimit-*, WWW-Authenticate)
 */
public record Refusal(int status, String type, String code, String message, Map<String, String> headers) {
    public Refusal {
        headers = Map.copyOf(headers);
    }

    public static Refusal of(int status, String type, String code, String message) {
        return new Refusal(status, type, code, message, Map.of());
    }

    /** A protection could not run (it threw or timed out) and the gateway fails closed: nothing was forwarded. */
    public static Refusal scannerError() {
        return of(503, "server_error", "scanner_error",
                "The gateway could not check this request; it was not forwarded. Try again later.");
    }
}
