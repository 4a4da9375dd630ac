package dev.bulwark.guard.upstream;

import dev.bulwark.guard.config.Upstream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request pieces every adapter shares: the path joined to the base URL, and the headers. */
final class UpstreamRequests {
    static final String JSON = "application/json";

    private UpstreamRequests() {
    }

    /**
     * {@code apiPath} (which starts with {@code /v1}) relative to {@code base}: when the base URL already ends in
     * {@code /v1} (a common way to write OpenAI-style URLs) the prefix is not doubled.
     */
    static String relativeToBase(URI base, String apiPath) {
        String basePath = base == null || base.getRawPath() == null ? "" : base.getRawPath();
        while (basePath.endsWith("/")) basePath = basePath.substring(0, basePath.length() - 1);
        if (basePath.endsWith("/v1") && apiPath.startsWith("/v1/")) return apiPath.substring(3);
        return apiPath;
    }

    /**
     * Content type (when a JSON body goes along) and accept, the flavor's {@code extra} headers, then the upstream's
     * own auth header (the client's is never forwarded).
     */
    static Map<String, String> headers(Upstream upstream, boolean jsonBody, String accept, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (jsonBody) headers.put("content-type", JSON);
        headers.put("accept", accept);
        headers.putAll(extra);
        if (upstream.auth() != null && upstream.auth().header() != null && upstream.auth().value() != null) {
            headers.put(upstream.auth().header(), upstream.auth().value());
        }
        return headers;
    }
}
