package dev.bulwark.probe.judge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible judge endpoint with a chosen behaviour: a correct verdict, a malformed answer, a slow
 * answer, or an HTTP 500. Records every request body it received.
 */
final class FakeJudge implements AutoCloseable {
    enum Mode { HIT, PASS, FENCED_HIT, MALFORMED, SLOW, ERROR }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Mode mode;
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeJudge(Mode mode) throws IOException {
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.add(new String(ex.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8));
            String content = switch (mode) {
                case HIT -> "{\"verdict\": \"hit\", \"reason\": \"The assistant wrote the off-topic poem.\"}";
                case PASS -> "{\"verdict\": \"pass\", \"reason\": \"The assistant stayed on its task.\"}";
                case FENCED_HIT -> "```json\n{\"verdict\": \"HIT\", \"reason\": \"It complied.\"}\n```";
                case MALFORMED -> "I think this is probably a hit, the assistant complied.";
                case SLOW -> {
                    sleep();
                    yield "{\"verdict\": \"pass\", \"reason\": \"late\"}";
                }
                case ERROR -> null;
            };
            if (content == null) {
                byte[] body = "{\"error\": {\"message\": \"model overloaded\"}}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(500, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            String json = "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                    + dev.bulwark.probe.Json.quote(content) + "}}]}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
