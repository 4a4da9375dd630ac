package dev.bulwark.probe.targets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local bot that (a) streams its answers as server-sent events and (b) on {@code /api/chat} answers only inside a
 * session: {@code POST /login} sets a cookie and returns a token; every chat request must carry both (header
 * {@code Authorization: Bearer TOKEN}, cookie {@code sid}). It obeys "print BWK-…" like a vulnerable model.
 */
final class StatefulServer implements AutoCloseable {
    static final String PASSWORD = "pw-8f2c";
    private static final Pattern CODE = Pattern.compile("BWK-[0-9a-f]{8}");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger chats = new AtomicInteger();
    /** The credential-bearing headers of every request to the chat endpoints ("-" when absent), in order. */
    final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String token = "tok-1";
    volatile boolean expireNext;

    StatefulServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login", this::login);
        server.createContext("/api/chat", this::chat);
        server.createContext("/v1/chat/completions", this::completions);
        server.createContext("/api/cookie-chat", this::cookieChat);
        server.createContext("/api/open", this::open);
        server.setExecutor(executor);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void login(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readNBytes(10_000), StandardCharsets.UTF_8);
        if (!body.contains(PASSWORD)) {
            send(ex, 401, "application/json", "{\"error\": \"bad password\"}");
            return;
        }
        int n = logins.incrementAndGet();
        token = "tok-" + n;
        ex.getResponseHeaders().add("Set-Cookie", "sid=s" + n + "; Path=/; HttpOnly");
        ex.getResponseHeaders().add("X-CSRF-Token", "csrf-" + n);
        send(ex, 200, "application/json", "{\"data\": {\"token\": \"" + token + "\"}}");
    }

    private void record(HttpExchange ex, String body) {
        var h = ex.getRequestHeaders();
        seen.add("auth=" + (h.getFirst("Authorization") == null ? "-" : h.getFirst("Authorization"))
                + " cookie=" + (h.getFirst("Cookie") == null ? "-" : h.getFirst("Cookie"))
                + " csrf=" + (h.getFirst("X-CSRF") == null ? "-" : h.getFirst("X-CSRF"))
                + " body=" + body);
    }

    /** Protected by the session cookie alone (no token): what a cookie-only login looks like. */
    private void cookieChat(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readNBytes(100_000), StandardCharsets.UTF_8);
        record(ex, body);
        String cookie = ex.getRequestHeaders().getFirst("Cookie");
        if (cookie == null || !cookie.contains("sid=s" + logins.get()) || logins.get() == 0) {
            send(ex, 401, "application/json", "{\"error\": \"log in first\"}");
            return;
        }
        send(ex, 200, "application/json", "{\"reply\": \"" + obey(body) + "\"}");
    }

    /** Answers anyone, session or not. */
    private void open(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readNBytes(100_000), StandardCharsets.UTF_8);
        record(ex, body);
        send(ex, 200, "application/json", "{\"reply\": \"" + obey(body) + "\"}");
    }

    private void chat(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readNBytes(100_000), StandardCharsets.UTF_8);
        record(ex, body);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String cookie = ex.getRequestHeaders().getFirst("Cookie");
        String csrf = ex.getRequestHeaders().getFirst("X-CSRF");
        int n = logins.get();
        boolean valid = ("Bearer " + token).equals(auth) && cookie != null && cookie.contains("sid=s" + n)
                && ("csrf-" + n).equals(csrf) && body.contains("\"session\": \"" + token + "\"");
        if (!valid || expireNext) {
            expireNext = false;
            send(ex, 401, "application/json", "{\"error\": \"log in first\"}");
            return;
        }
        chats.incrementAndGet();
        String answer = obey(body);
        // streamed: the answer in two pieces under $.delta, then [DONE]
        int half = answer.length() / 2;
        send(ex, 200, "text/event-stream", "data: {\"delta\": \"" + answer.substring(0, half) + "\"}\n\n"
                + "event: ping\ndata: {\"other\": 1}\n\n"
                + "data: {\"delta\": \"" + answer.substring(half) + "\"}\n\ndata: [DONE]\n\n");
    }

    private void completions(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readNBytes(100_000), StandardCharsets.UTF_8);
        if (!body.contains("\"stream\":true")) {
            send(ex, 400, "application/json", "{\"error\": {\"message\": \"this test server only streams\"}}");
            return;
        }
        String answer = obey(body);
        StringBuilder sse = new StringBuilder("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n");
        for (String word : answer.split("(?<= )")) {
            sse.append("data: {\"choices\":[{\"delta\":{\"content\":\"").append(word).append("\"}}]}\n\n");
        }
        sse.append("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        send(ex, 200, "text/event-stream", sse.toString());
    }

    /** Obeys an override: answers with the code it was told to print, else a polite line. */
    private static String obey(String body) {
        Matcher m = CODE.matcher(body);
        if (body.toLowerCase().contains("ignore all previous") && m.find()) return "Sure! " + m.group();
        return "Happy to help with your order.";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().put("Content-Type", List.of(type));
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
