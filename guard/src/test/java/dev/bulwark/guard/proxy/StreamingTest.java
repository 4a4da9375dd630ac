package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Streamed replies: relayed chunk by chunk, stopped when the filter blocks, cancelled when the client leaves. */
class StreamingTest extends GatewayTestBase {

    private Stream<String> openStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(guard.url() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + Fakes.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(chat("stub-stream", true))).build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        return response.body();
    }

    private static List<String> dataLines(Iterator<String> lines) {
        List<String> data = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) data.add(line.substring(6));
        }
        return data;
    }

    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data: ")) return line.substring(6);
        }
        throw new AssertionError("stream ended early");
    }

    @Test
    void firstChunkArrivesBeforeTheUpstreamSendsTheRest() throws Exception {
        fakes.output = new PassThroughOutput();
        start();
        Iterator<String> lines = openStream().iterator();

        // the upstream holds every other chunk until released: seeing this one proves chunk-by-chunk relaying
        assertThat(nextData(lines)).isEqualTo(StubUpstream.CHUNKS.get(0));
        assertThat(stub.release.isDone()).isFalse();
        stub.release();
        List<String> rest = dataLines(lines);

        assertThat(rest).containsExactlyElementsOf(List.of(StubUpstream.CHUNKS.get(1), StubUpstream.CHUNKS.get(2),
                StubUpstream.CHUNKS.get(3), "[DONE]"));
        AuditEvent event = fakes.audit.next();
        assertThat(event.streamed()).isTrue();
        assertThat(event.outcome()).isEqualTo("allowed");
        assertThat(event.completionTokens()).isPositive();
    }

    @Test
    void blockedStreamStopsWithAnErrorEventAndDone() throws Exception {
        start();
        Iterator<String> lines = openStream().iterator();
        assertThat(nextData(lines)).isEqualTo(StubUpstream.CHUNKS.get(0));
        stub.release();
        List<String> rest = dataLines(lines);

        assertThat(rest).hasSize(3);
        assertThat(rest.get(0)).isEqualTo(StubUpstream.CHUNKS.get(1));
        assertThat(rest.get(1)).contains("content_blocked");
        assertThat(rest.get(2)).isEqualTo("[DONE]");
        assertThat(String.join("", rest)).doesNotContain("CANARY").doesNotContain("friend");
        AuditEvent event = fakes.audit.next();
        assertThat(event.outcome()).isEqualTo("blocked");
        assertThat(event.decisions()).extracting(Decision::detector).contains("canary");
    }

    @Test
    void streamFilterExceptionFailsClosed() throws Exception {
        fakes.output = new PassThroughOutput() {
            @Override
            public StreamFilter stream(Route route, Set<String> offeredTools, Pseudonyms pseudonyms) {
                return new Throwing();
            }
        };
        start();
        Iterator<String> lines = openStream().iterator();
        List<String> data = dataLines(lines);

        assertThat(data).hasSize(2);
        assertThat(data.get(0)).contains("scanner_error").doesNotContain("Hello");
        assertThat(data.get(1)).isEqualTo("[DONE]");
        assertThat(fakes.audit.next().outcome()).isEqualTo("scanner-error");
    }

    @Test
    void clientDisconnectCancelsTheUpstream() throws Exception {
        start();
        int port = guard.port();
        String body = chat("stub-stream", true);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Fakes.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("data: ")) {
                // headers and chunk sizes
            }
            assertThat(line).contains("Hello");
        }
        stub.streamClosed.get(10, TimeUnit.SECONDS);
        AuditEvent event = fakes.audit.next();
        assertThat(event.status()).isEqualTo(499);
        assertThat(event.outcome()).isEqualTo("client-closed");
        assertThat(stub.release.isDone()).isFalse();
    }

    /** Lets every chunk through. */
    static class PassThroughOutput extends FilterBase {
        @Override
        public StreamFilter stream(Route route, Set<String> offeredTools, Pseudonyms pseudonyms) {
            return new StreamFilter() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public List<String> onData(String data) {
                    text.append(data);
                    return List.of(data);
                }

                @Override
                public List<String> finish() {
                    return List.of("[DONE]");
                }

                @Override
                public boolean blocked() {
                    return false;
                }

                @Override
                public List<Decision> decisions() {
                    return List.of();
                }

                @Override
                public String completionText() {
                    return text.toString();
                }
            };
        }
    }

    abstract static class FilterBase implements dev.bulwark.guard.pipeline.OutputFilter {
        @Override
        public OutputVerdict inspect(Route route, com.fasterxml.jackson.databind.node.ObjectNode response,
                                     Set<String> offeredTools, Pseudonyms pseudonyms) {
            return new OutputVerdict(false, null, response, List.of(), "");
        }
    }

    static final class Throwing implements StreamFilter {
        @Override
        public List<String> onData(String data) {
            throw new IllegalStateException("redactor broke");
        }

        @Override
        public List<String> finish() {
            throw new IllegalStateException("redactor broke");
        }

        @Override
        public boolean blocked() {
            return false;
        }

        @Override
        public List<Decision> decisions() {
            return List.of();
        }

        @Override
        public String completionText() {
            return "";
        }
    }
}
