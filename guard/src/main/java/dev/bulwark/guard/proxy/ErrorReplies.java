package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Refusal;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;

/**
 * The gateway's own error replies, OpenAI-style ({@code {"error": {"message", "type", "code"}}}): fixed wording,
 * never an exception message, a stack trace or an upstream's text.
 */
final class ErrorReplies {
    private ErrorReplies() {
    }

    static Refusal notFound() {
        return Refusal.of(404, "invalid_request_error", "not_found", "Unknown route.");
    }

    static Refusal methodNotAllowed() {
        return Refusal.of(405, "invalid_request_error", "method_not_allowed", "Method not allowed on this route.");
    }

    static Refusal tooLarge(long maxBytes) {
        return new Refusal(413, "invalid_request_error", "request_too_large",
                "The request body is larger than " + maxBytes + " bytes.", Map.of("connection", "close"));
    }

    static Refusal requestTimeout() {
        return Refusal.of(408, "invalid_request_error", "request_timeout", "The request body did not arrive in time.");
    }

    static Refusal invalidJson(String why) {
        return Refusal.of(400, "invalid_request_error", "invalid_json", why);
    }

    static Refusal modelNotFound() {
        return Refusal.of(404, "invalid_request_error", "model_not_found", "No upstream serves this model.");
    }

    static Refusal extractionSuspected() {
        return Refusal.of(429, "rate_limit_error", "extraction_suspected",
                "Request refused: this client's traffic looks like model extraction or abuse.");
    }

    static Refusal upstreamUnavailable() {
        return Refusal.of(502, "server_error", "upstream_unavailable", "The model server could not be reached.");
    }

    static Refusal upstreamTimeout() {
        return Refusal.of(504, "server_error", "upstream_timeout", "The model server did not answer in time.");
    }

    static Refusal upstreamBadReply() {
        return Refusal.of(502, "server_error", "upstream_error", "The model server sent a reply the gateway could not use.");
    }

    /**
     * An upstream error status, kept in its class: a client error stays a client error (except the upstream refusing
     * the gateway's own credentials, which is the gateway's problem, not the client's), a server error becomes 502.
     */
    static Refusal upstreamStatus(int status) {
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 407) {
            return Refusal.of(status, "invalid_request_error", "upstream_rejected",
                    "The model server refused the request (HTTP " + status + ").");
        }
        return Refusal.of(502, "server_error", "upstream_error", "The model server failed (HTTP " + status + ").");
    }

    static Refusal contentBlocked() {
        return Refusal.of(200, "invalid_request_error", "content_blocked",
                "The reply was stopped by the gateway's output policy.");
    }

    static Refusal internal() {
        return Refusal.of(500, "server_error", "internal_error", "The gateway failed to handle the request.");
    }

    static ObjectNode body(Refusal refusal) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", refusal.message());
        error.put("type", refusal.type());
        error.put("code", refusal.code());
        return root;
    }

    /** Sends {@code refusal} unless the reply already started or the client is gone. */
    static void send(HttpServerResponse response, Refusal refusal) {
        if (response.ended() || response.closed() || response.headWritten()) return;
        response.setStatusCode(refusal.status());
        refusal.headers().forEach(response::putHeader);
        response.putHeader("content-type", "application/json");
        response.end(JsonBodies.write(body(refusal)));
    }
}
