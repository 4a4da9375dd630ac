package dev.bulwark.core.scope;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An optional LLM judge ({@code judge:} in the scope): an OpenAI-compatible chat-completions endpoint that the
 * prompt checks consult only for attempts their deterministic judges call unscorable. Its host is on the
 * allow-list and its requests go through the engagement client like every other request.
 *
 * @param maxCallsPerCheck the most judge requests one check may make on one target (bounds the plan and the cost)
 */
public record JudgeEndpoint(URI url, String model, Optional<Auth> auth, int maxCallsPerCheck) {
    public static final int DEFAULT_MAX_CALLS_PER_CHECK = 10;

    public JudgeEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        auth = auth == null ? Optional.empty() : auth;
        if (maxCallsPerCheck < 1) throw new IllegalArgumentException("maxCallsPerCheck must be at least 1");
    }
}
