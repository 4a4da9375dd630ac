package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A stub upstream for the class, a gateway with fresh fakes per test, and a plain JDK HTTP client. */
abstract class GatewayTestBase {
    static StubUpstream stub;
    Fakes fakes;
    RunningGuard guard;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startStub() throws Exception {
        stub = new StubUpstream();
    }

    @AfterAll
    static void stopStub() throws Exception {
        stub.close();
    }

    @BeforeEach
    void freshFakes() {
        fakes = new Fakes();
        stub.reset();
    }

    @AfterEach
    void stopGuard() {
        if (guard != null) guard.close();
    }

    RunningGuard start() {
        return start(stub.url());
    }

    RunningGuard start(String upstreamUrl) {
        guard = Guard.start(fakes.config(upstreamUrl), fakes.components());
        return guard;
    }

    static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "Bearer " + Fakes.KEY);
    }

    HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(guard.url() + path))
                .timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) request.header("authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("authorization", "Bearer " + Fakes.KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonBodies.MAPPER.readTree(response.body());
    }

    static String errorCode(HttpResponse<String> response) throws Exception {
        return json(response).path("error").path("code").asText();
    }
}
