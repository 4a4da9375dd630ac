package dev.bulwark.guard.config;

import java.util.List;

/** Browser origins allowed to call; empty (the default) answers no preflight and sends no CORS headers. */
public record CorsPolicy(List<String> allowedOrigins) {
    public CorsPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
