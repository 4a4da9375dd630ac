package dev.bulwark.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reply as the engagement client saw it. The body is capped (a hostile target cannot exhaust memory);
 * {@code truncated} says when the cap was hit. {@code finalUri} is where redirects (all in scope) ended.
 */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body, boolean truncated, URI finalUri,
                        Duration elapsed, int tries) {
    public HttpReply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** Case-insensitive header lookup (first value). */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
