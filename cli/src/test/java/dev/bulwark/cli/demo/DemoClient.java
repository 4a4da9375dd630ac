package dev.bulwark.cli.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A JDK HttpClient pointed at a running demo target, with the few request shapes the tests need. */
final class DemoClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final HttpClient http;

    DemoClient(URI base) {
        this(base, HTTP);
    }

    /** With its own client, e.g. one that trusts the demo gateway's certificate. */
    DemoClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> options(String path, String... headers) {
        return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** One user message to the chat API; returns the raw response. */
    HttpResponse<String> chat(String message, String... headers) {
        return post("/v1/chat/completions", chatBody(message, false), headers);
    }

    /** One user message to the chat API; returns the assistant's content (fails on a non-200 reply). */
    String chatContent(String message, String... headers) {
        HttpResponse<String> res = chat(message, headers);
        if (res.statusCode() != 200) throw new AssertionError("HTTP " + res.statusCode() + ": " + res.body());
        return new JsonObject(res.body()).getJsonArray("choices").getJsonObject(0).getJsonObject("message")
                .getString("content");
    }

    static String chatBody(String message, boolean stream) {
        return new JsonObject().put("model", "molly-sim-1").put("stream", stream)
                .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", message)))
                .encode();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
