package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON in and out of the gateway. Parsing is bounded (nesting depth 64) and strict: duplicate keys and trailing
 * data are refused, since two parsers reading one body differently is how filters get bypassed.
 */
final class JsonBodies {
    static final int MAX_DEPTH = 64;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /** The body as a JSON object, or a {@link NotAnObject} with a message fit for the client. */
    static ObjectNode parseObject(byte[] bytes) throws NotAnObject {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new NotAnObject("The JSON body is nested deeper than " + MAX_DEPTH + " levels.");
        } catch (JsonProcessingException e) {
            throw new NotAnObject("The body is not valid JSON.");
        } catch (IOException e) {
            throw new NotAnObject("The body could not be read.");
        }
        if (node instanceof ObjectNode object) return object;
        throw new NotAnObject("The body must be a JSON object.");
    }

    static Buffer write(JsonNode node) {
        return Buffer.buffer(bytes(node));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text field {@code name}, or null when absent or not a string. */
    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** Why a body is not a usable JSON object; the message is safe to send. */
    static final class NotAnObject extends Exception {
        NotAnObject(String message) {
            super(message, null, false, false);
        }
    }
}
