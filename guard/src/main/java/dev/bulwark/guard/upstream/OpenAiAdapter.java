package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import java.util.Map;

/**
 * OpenAI and every server copying its API (vLLM, llama.cpp, LiteLLM, Ollama's {@code /v1}): requests and replies
 * pass as they are; only the path (no doubled {@code /v1}), the auth header and the {@code stream} flag are set. A
 * streamed reply's events pass unchanged, with {@code [DONE]} ensured once at the end.
 */
final class OpenAiAdapter implements UpstreamAdapter {
    static final OpenAiAdapter INSTANCE = new OpenAiAdapter();

    private OpenAiAdapter() {
    }

    @Override
    public UpstreamRequest request(Route route, ObjectNode body, Upstream upstream, boolean stream) {
        String path = UpstreamRequests.relativeToBase(upstream.url(), route.path());
        if (route == Route.MODELS) {
            return new UpstreamRequest("GET", path, UpstreamRequests.headers(upstream, false, UpstreamRequests.JSON, Map.of()), new byte[0]);
        }
        ObjectNode sent = withStreamFlag(route, body, stream);
        String accept = stream ? "text/event-stream" : UpstreamRequests.JSON;
        return new UpstreamRequest("POST", path, UpstreamRequests.headers(upstream, true, accept, Map.of()), UpstreamJson.bytes(sent));
    }

    @Override
    public ObjectNode response(Route route, ObjectNode upstreamBody, String model) {
        return upstreamBody;
    }

    @Override
    public StreamDecoder streamDecoder(Route route, String model) {
        return new OpenAiSseDecoder(data -> data);
    }

    /** The body with {@code stream} matching what the proxy will read; copied only when it has to change. */
    static ObjectNode withStreamFlag(Route route, ObjectNode body, boolean stream) {
        if (route == Route.EMBEDDINGS) return body;
        JsonNode current = body.get("stream");
        boolean matches = stream ? current != null && current.isBoolean() && current.booleanValue()
                : current == null || (current.isBoolean() && !current.booleanValue());
        if (matches) return body;
        ObjectNode copy = body.deepCopy();
        copy.put("stream", stream);
        return copy;
    }
}
