package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;

/** The package's one JSON mapper, with bounded nesting and sizes for what upstreams send, and small node helpers. */
final class UpstreamJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(128)
                .maxStringLength(SseDecoder.DEFAULT_MAX_BYTES)
                .maxNumberLength(100)
                .build());
    }

    private UpstreamJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** One streamed event's JSON; anything else (bad JSON, not an object, over a bound) is a format error. */
    static ObjectNode parseStreamObject(String text) throws StreamFormatException {
        try {
            if (MAPPER.readTree(text) instanceof ObjectNode object) return object;
        } catch (JsonProcessingException | RuntimeException e) {
            // fall through: the message names no upstream content
        }
        throw new StreamFormatException("upstream stream carried an event that is not a JSON object");
    }

    /** A JSON text (e.g. tool-call arguments) as a node; null when it does not parse. */
    static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** The text field {@code name} of {@code node}, or null when absent or not text. */
    static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The integer field {@code name}, or -1 when absent or not an integer. */
    static long count(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.canConvertToLong() && value.isIntegralNumber() ? value.longValue() : -1;
    }
}
