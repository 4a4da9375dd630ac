package dev.bulwark.guard.pipeline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of a request before its body: method, path, the peer's address, the headers (names lower case,
 * the first value of each) and the TLS client certificate's SHA-256 (lower-case hex of its DER encoding; null when
 * the connection presented none).
 */
public record RequestHead(String method, String path, String remoteIp, Map<String, String> headers,
                          String clientCertificateSha256) {
    public RequestHead {
        headers = Map.copyOf(headers);
    }

    public RequestHead(String method, String path, String remoteIp, Map<String, String> headers) {
        this(method, path, remoteIp, headers, null);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
