package dev.bulwark.guard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.HeaderValue;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamDecoder;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import dev.bulwark.guard.pipeline.UpstreamAdapter.UpstreamRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Recorded upstream streams, fixed stamps and small helpers the adapter tests share. */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final long CREATED = 1_700_000_000L;
    static final Stamps STAMPS = new Stamps(Clock.fixed(Instant.ofEpochSecond(CREATED), ZoneOffset.UTC), () -> "fixed");

    private Fixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/upstream/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Upstream upstream(String url, Upstream.Flavor flavor, HeaderValue auth, String apiVersion) {
        return new Upstream("u", URI.create(url), flavor, auth, List.of("*"), Duration.ofSeconds(30), apiVersion);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A built tree as the client would read it back (numbers as parsed, not as built), for comparing with golden JSON. */
    static JsonNode reparsed(JsonNode built) {
        return json(built.toString());
    }

    static JsonNode body(UpstreamRequest request) {
        try {
            return MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds {@code bytes} cut before each offset in {@code cuts} (sorted, any values), then ends the stream. */
    static List<String> decode(StreamDecoder decoder, byte[] bytes, int... cuts) throws StreamFormatException {
        int[] sorted = Arrays.stream(cuts).map(c -> Math.floorMod(c, bytes.length + 1)).sorted().toArray();
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int cut : sorted) {
            out.addAll(decoder.feed(Arrays.copyOfRange(bytes, from, cut)));
            from = cut;
        }
        out.addAll(decoder.feed(Arrays.copyOfRange(bytes, from, bytes.length)));
        out.addAll(decoder.end());
        return out;
    }

    static List<String> decodeByteByByte(StreamDecoder decoder, byte[] bytes) throws StreamFormatException {
        List<String> out = new ArrayList<>();
        for (byte b : bytes) out.addAll(decoder.feed(new byte[] {b}));
        out.addAll(decoder.end());
        return out;
    }

    /** Asserts the payloads equal the expected JSON texts (compared as trees) and {@code [DONE]} markers. */
    static void assertPayloads(List<String> actual, String... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].equals("[DONE]")) assertThat(actual.get(i)).as("payload %d", i).isEqualTo("[DONE]");
            else assertThat(json(actual.get(i))).as("payload %d: %s", i, actual.get(i)).isEqualTo(json(expected[i]));
        }
    }

    /**
     * Every payload before the last is a well-formed chunk of one stream (same id, created and model; one choice
     * with index, delta and a finish_reason key), and the last is {@code [DONE]}.
     */
    static void assertWellFormedChatStream(List<String> payloads) {
        assertThat(payloads).isNotEmpty();
        assertThat(payloads.get(payloads.size() - 1)).isEqualTo("[DONE]");
        assertThat(payloads.subList(0, payloads.size() - 1)).doesNotContain("[DONE]");
        JsonNode first = null;
        for (String payload : payloads.subList(0, payloads.size() - 1)) {
            JsonNode chunk = json(payload);
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isNotEmpty();
            assertThat(chunk.path("created").isIntegralNumber()).isTrue();
            assertThat(chunk.path("model").asText()).isNotEmpty();
            JsonNode choice = chunk.path("choices").path(0);
            assertThat(choice.path("index").asInt(-1)).isZero();
            assertThat(choice.path("delta").isObject()).isTrue();
            assertThat(choice.has("finish_reason")).isTrue();
            if (first == null) {
                first = chunk;
                assertThat(choice.path("delta").path("role").asText()).isEqualTo("assistant");
            }
            assertThat(chunk.get("id")).isEqualTo(first.get("id"));
            assertThat(chunk.get("created")).isEqualTo(first.get("created"));
            assertThat(chunk.get("model")).isEqualTo(first.get("model"));
        }
    }
}
