package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.ClientTimeouts;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (slowloris) cannot hold connections: one that trickles its first head or sends nothing, a kept-alive
 * connection that never sends its next request and a body trickled in too slowly are all cut off — and a request that is merely
 * waiting for a slow model is not.
 */
class SlowClientsTest extends GatewayTestBase {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration SILENCE = Duration.ofSeconds(3);

    @BeforeEach
    void shortTimeouts() {
        fakes.timeouts = new ClientTimeouts(SILENCE, SHORT, SHORT);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", guard.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection; fails if it does not close within 10 s. */
    private static String untilClosed(Socket socket) throws IOException {
        var out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the gateway kept the connection open; got so far: " + out);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** One whole response (head and content-length body), leaving the connection open. */
    private static String oneResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new AssertionError("closed before the response: " + head);
            head.append((char) c);
        }
        int length = Integer.parseInt(head.toString().toLowerCase().split("content-length: ")[1].split("\r\n")[0].trim());
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String modelsRequest() {
        return "GET /v1/models HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + Fakes.KEY + "\r\n\r\n";
    }

    @Test
    void aClientTricklingItsFirstHeadIsClosedWithinTheIdleTime() throws Exception {
        start();
        long opened;
        try (Socket socket = connect()) {
            opened = System.nanoTime();
            send(socket, "POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\nX-Slow: ");
            // a byte every 100 ms: never silent long enough for the silence limit, never done with its head
            var trickle = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(100);
                        send(socket, "a");
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the gateway (or the test ended)
                }
            });
            try {
                assertThat(untilClosed(socket)).isEmpty();
            } finally {
                trickle.interrupt();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(SHORT).isLessThan(SILENCE);
        assertThat(get("http://127.0.0.1:" + guard.adminPort() + "/metrics").body())
                .containsPattern("bulwark_guard_slow_clients_total\\{phase=\"head\"} 1\\.0");
    }

    @Test
    void aClientThatConnectsAndSendsNothingIsClosedWithinTheIdleTime() throws Exception {
        start();
        try (Socket socket = connect()) {
            long opened = System.nanoTime();
            assertThat(untilClosed(socket)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(SILENCE);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAndABusyOneIsNot() throws Exception {
        start();
        try (Socket socket = connect()) {
            for (int i = 0; i < 3; i++) { // three requests, each within the idle time of the last reply
                send(socket, modelsRequest());
                assertThat(oneResponse(socket)).startsWith("HTTP/1.1 200");
                Thread.sleep(SHORT.toMillis() / 3);
            }
            long idleFrom = System.nanoTime();
            assertThat(untilClosed(socket)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - idleFrom)).isLessThan(SILENCE);
        }
        assertThat(get("http://127.0.0.1:" + guard.adminPort() + "/metrics").body())
                .containsPattern("bulwark_guard_slow_clients_total\\{phase=\"idle\"} 1\\.0");
    }

    @Test
    void aBodyTrickledTooSlowlyGets408AndTheConnectionCloses() throws Exception {
        start();
        try (Socket socket = connect()) {
            send(socket, "POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + Fakes.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"model\":");
            long started = System.nanoTime();
            String reply = untilClosed(socket);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closed with the 408, not later for silence")
                    .isLessThan(SILENCE);
            assertThat(reply).startsWith("HTTP/1.1 408").contains("request_timeout");
        }
        AuditEvent event = fakes.audit.next();
        assertThat(event.status()).isEqualTo(408);
        assertThat(event.decisions()).extracting(Decision::detector).containsExactly("body-timeout");
        assertThat(stub.receivedBodies).isEmpty();
    }

    @Test
    void aRequestWaitingForASlowModelIsNotCutOff() throws Exception {
        start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + Fakes.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(chat("stub-stream", true))).build();
        CompletableFuture<HttpResponse<String>> reply = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(SHORT.toMillis() * 5 / 2); // longer than the body and idle limits, the stream half sent
        stub.release();
        HttpResponse<String> response = reply.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(" there").contains("[DONE]");
    }
}
