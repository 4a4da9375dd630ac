package dev.bulwark.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One HTTP request a check wants sent. {@code followRedirects}: redirects are followed only inside the allow-list. */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, byte[] body, boolean followRedirects) {
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static HttpCall get(URI uri) {
        return new HttpCall("GET", uri, Map.of(), null, true);
    }

    public static HttpCall postJson(URI uri, String json) {
        return new HttpCall("POST", uri, Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8), true);
    }

    public HttpCall withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(value));
        return new HttpCall(method, uri, copy, body, followRedirects);
    }

    public HttpCall withoutHeader(String name) {
        var copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        return new HttpCall(method, uri, copy, body, followRedirects);
    }

    public HttpCall withMethod(String newMethod) {
        return new HttpCall(newMethod, uri, headers, body, followRedirects);
    }

    public HttpCall withBody(byte[] newBody) {
        return new HttpCall(method, uri, headers, newBody, followRedirects);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
