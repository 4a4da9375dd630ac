package dev.bulwark.core.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 that records every request it sees, answering through a script. */
public final class TestServer implements AutoCloseable {

    /** A request as the server saw it; {@code nanos} is System.nanoTime() on arrival. */
    public record Seen(String method, String path, Headers headers, byte[] body, long nanos) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean hasHeader(String name) {
            return headers.containsKey(name);
        }
    }

    /** What to answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer ok(String body) {
            return new Answer(200, Map.of("Content-Type", "text/plain"), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), new byte[0]);
        }

        public static Answer redirect(int status, String location) {
            return new Answer(status, Map.of("Location", location), new byte[0]);
        }

        public static Answer throttled(int status, String retryAfter) {
            return new Answer(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter), new byte[0]);
        }

        public Answer withHeader(String name, String value) {
            var copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Answer(status, copy, body);
        }
    }

    /** Decides the answer to the {@code index}-th request (0-based, across all paths). */
    @FunctionalInterface
    public interface Script {
        Answer answer(Seen request, int index) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private TestServer(Script script) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body, now);
            int index;
            synchronized (seen) {
                index = seen.size();
                seen.add(request);
            }
            Answer answer;
            try {
                answer = script.answer(request, index);
            } catch (Exception e) {
                answer = new Answer(599, Map.of(), String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
    }

    public static TestServer start(Script script) {
        return new TestServer(script);
    }

    public static TestServer ok(String body) {
        return start((r, i) -> Answer.ok(body));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port/path}. */
    public URI uri(String path) {
        return uriAs("127.0.0.1", path);
    }

    /** The same server addressed through another host name. */
    public URI uriAs(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    public int count() {
        return seen.size();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void forget() {
        seen.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
