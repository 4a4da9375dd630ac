package dev.bulwark.guard.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Upstream;
import java.util.List;
import java.util.Map;

/**
 * Speaks one upstream API: clients always talk OpenAI chat completions to the gateway, and the adapter translates
 * requests, whole replies and streamed replies to and from what the upstream speaks. Pure functions of their
 * inputs, so the proxy stays the same for every flavor. Thread-safe; decoders are one per stream.
 */
public interface UpstreamAdapter {
    /**
     * The HTTP request for an OpenAI-style {@code body} on {@code route}. Headers hold the upstream's own auth (from
     * {@link Upstream#auth()}) and content type; never anything from the client.
     */
    UpstreamRequest request(Route route, ObjectNode body, Upstream upstream, boolean stream);

    /** A whole successful upstream reply turned into the OpenAI shape for {@code route}. */
    ObjectNode response(Route route, ObjectNode upstreamBody, String model);

    /** Turns the upstream's streamed bytes (SSE, NDJSON) into OpenAI chunk payloads. */
    StreamDecoder streamDecoder(Route route, String model);

    /**
     * @param pathAndQuery appended to the upstream's base URL (which may end in a path of its own, e.g. {@code /v1})
     */
    record UpstreamRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        public UpstreamRequest {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Incremental decoder, bounded: a line or event longer than its limit is an error, not a growing buffer.
     * Outputs are the {@code data:} payloads the gateway sends the client: OpenAI {@code chat.completion.chunk}
     * JSON texts, and {@code [DONE]} last.
     */
    interface StreamDecoder {
        List<String> feed(byte[] bytes) throws StreamFormatException;

        /** The upstream closed the stream: anything still buffered, then {@code [DONE]} if it was not sent yet. */
        List<String> end() throws StreamFormatException;
    }

    /** The upstream's stream broke its format or a bound; the proxy ends the reply with a clean error. */
    final class StreamFormatException extends Exception {
        public StreamFormatException(String message) {
            super(message);
        }
    }
}
