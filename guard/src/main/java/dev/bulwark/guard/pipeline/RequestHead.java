package dev.bulwark.guard.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of a request before its body: method, path, the peer's address and the headers (names lower case,
 * the first value of each).
 */
public record RequestHead(String method, String path, String remoteIp, Map<String, String> headers) {
    public RequestHead {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
