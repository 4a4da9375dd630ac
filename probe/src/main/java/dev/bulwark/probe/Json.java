package dev.bulwark.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The one JSON mapper of the probe module, with limits for hostile replies: nesting depth, string, number and
 * name lengths are capped (the body itself is already capped by the engagement client). Only trees are read,
 * never types, so nothing a target sends is deserialized into objects.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(4_000_000)
                    .maxNumberLength(200)
                    .maxNameLength(10_000)
                    .build())
            .build());

    private Json() {
    }

    /** The tree of {@code text}, or empty when it is not JSON (or breaks a limit). */
    public static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code value} as the inside of a JSON string literal (no surrounding quotes). */
    public static String escape(String value) {
        String quoted = quote(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** {@code value} as a JSON string literal. */
    public static String quote(String value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }
}
