package dev.bulwark.guard.access;

import dev.bulwark.guard.pipeline.Refusal;
import java.util.Map;

/**
 * The refusals access control answers with. Messages never say which part of a credential was wrong: a caller probing
 * keys or tokens learns only that it was not accepted.
 */
final class AuthRefusals {
    static final Refusal MISSING_OR_BAD_KEY = new Refusal(401, "authentication_error", "invalid_api_key",
            "invalid or missing API key", Map.of("WWW-Authenticate", "Bearer realm=\"bulwark\""));

    static final Refusal INVALID_TOKEN = new Refusal(401, "authentication_error", "invalid_token", "invalid token",
            Map.of("WWW-Authenticate", "Bearer realm=\"bulwark\", error=\"invalid_token\""));

    static final Refusal ROUTE_FORBIDDEN = Refusal.of(403, "permission_error", "route_not_allowed",
            "this client is not permitted to call this route");

    static final Refusal MODEL_FORBIDDEN = Refusal.of(403, "permission_error", "model_not_allowed",
            "this client is not permitted to use this model");

    static final Refusal TOOL_FORBIDDEN = Refusal.of(403, "permission_error", "tool_not_allowed",
            "this client is not permitted to offer the model one of these tools");

    private AuthRefusals() {
    }
}
