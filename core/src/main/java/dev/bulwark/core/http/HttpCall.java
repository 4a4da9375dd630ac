package dev.bulwark.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a check wants sent. {@code followRedirects}: redirects are followed only inside the allow-list.
 * {@code retryThrottled}: retry 429/503 after {@code Retry-After} (the default); a check that wants to observe
 * throttling itself (the rate-limit probe) turns it off and gets the 429 reply.
 */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body, boolean followRedirects,
                       boolean retryThrottled) {
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, true, true);
    }

    public static HttpCall postJson(URI uri, String json) {
        return new HttpCall("POST", uri, Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8), true, true);
    }

    public HttpCall withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new HttpCall(method, uri, copy, body, followRedirects, retryThrottled);
    }

    public HttpCall withoutHeader(String name) {
        var copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        return new HttpCall(method, uri, copy, body, followRedirects, retryThrottled);
    }

    public HttpCall withMethod(String newMethod) {
        return new HttpCall(newMethod, uri, headers, body, followRedirects, retryThrottled);
    }

    public HttpCall withBody(byte[] newBody) {
        return new HttpCall(method, uri, headers, newBody, followRedirects, retryThrottled);
    }

    public HttpCall withoutThrottleRetry() {
        return new HttpCall(method, uri, headers, body, followRedirects, false);
    }

    public HttpCall withoutRedirects() {
        return new HttpCall(method, uri, headers, body, false, retryThrottled);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
