package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import java.util.Map;

/**
 * Ollama's native API: {@code /api/chat}, {@code /api/generate}, {@code /api/embed} and {@code /api/tags} (the model
 * list), translated both ways; streams are NDJSON. Embeddings always come back as float arrays (the OpenAI clients
 * that ask for base64 by default accept floats).
 */
final class OllamaAdapter implements UpstreamAdapter {
    static final OllamaAdapter INSTANCE = new OllamaAdapter(Stamps.SYSTEM);

    private final Stamps stamps;

    OllamaAdapter(Stamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public UpstreamRequest request(Route route, ObjectNode body, Upstream upstream, boolean stream) {
        String accept = stream ? "application/x-ndjson" : UpstreamRequests.JSON;
        return switch (route) {
            case CHAT -> post("/api/chat", OllamaRequests.chat(body, stream), upstream, accept);
            case COMPLETIONS -> post("/api/generate", OllamaRequests.generate(body, stream), upstream, accept);
            case EMBEDDINGS -> post("/api/embed", OllamaRequests.embed(body), upstream, UpstreamRequests.JSON);
            case MODELS -> new UpstreamRequest("GET", "/api/tags", UpstreamRequests.headers(upstream, false, UpstreamRequests.JSON, Map.of()), new byte[0]);
        };
    }

    private static UpstreamRequest post(String path, ObjectNode body, Upstream upstream, String accept) {
        return new UpstreamRequest("POST", path, UpstreamRequests.headers(upstream, true, accept, Map.of()), UpstreamJson.bytes(body));
    }

    @Override
    public ObjectNode response(Route route, ObjectNode upstreamBody, String model) {
        if (upstreamBody.hasNonNull("error")) throw new UpstreamReplyException("the Ollama upstream reported an error");
        return switch (route) {
            case CHAT -> chat(upstreamBody, model);
            case COMPLETIONS -> generate(upstreamBody, model);
            case EMBEDDINGS -> embeddings(upstreamBody, model);
            case MODELS -> models(upstreamBody);
        };
    }

    @Override
    public StreamDecoder streamDecoder(Route route, String model) {
        if (route != Route.CHAT && route != Route.COMPLETIONS) throw new UnsupportedRequestException("only chat and completions stream");
        return new OllamaStreamDecoder(route, model, stamps);
    }

    private ObjectNode chat(ObjectNode body, String model) {
        JsonNode message = body.get("message");
        if (message == null || !message.isObject()) throw new UpstreamReplyException("the Ollama chat reply has no message");
        ArrayNode toolCalls = UpstreamJson.NODES.arrayNode();
        if (message.get("tool_calls") instanceof ArrayNode calls) {
            for (JsonNode call : calls) toolCalls.add(toolCall(call, stamps));
        }
        String content = UpstreamJson.text(message, "content");
        if (content == null) content = "";
        ObjectNode reply = OpenAiShapes.assistantMessage(content.isEmpty() && !toolCalls.isEmpty() ? null : content, toolCalls);
        return OpenAiShapes.completion(Route.CHAT, stamps.newId("chatcmpl-"), stamps.created(), modelOf(body, model), reply,
                finishReason(UpstreamJson.text(body, "done_reason"), !toolCalls.isEmpty()), usage(body));
    }

    private ObjectNode generate(ObjectNode body, String model) {
        String text = UpstreamJson.text(body, "response");
        if (text == null) throw new UpstreamReplyException("the Ollama generate reply has no response text");
        return OpenAiShapes.completion(Route.COMPLETIONS, stamps.newId("cmpl-"), stamps.created(), modelOf(body, model),
                OpenAiShapes.assistantMessage(text, null), finishReason(UpstreamJson.text(body, "done_reason"), false), usage(body));
    }

    private static ObjectNode embeddings(ObjectNode body, String model) {
        if (!(body.get("embeddings") instanceof ArrayNode embeddings)) throw new UpstreamReplyException("the Ollama embed reply has no embeddings");
        ObjectNode list = UpstreamJson.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < embeddings.size(); i++) {
            JsonNode vector = embeddings.get(i);
            if (!vector.isArray()) throw new UpstreamReplyException("the Ollama embed reply has an embedding that is not an array");
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            item.set("embedding", vector);
        }
        list.put("model", modelOf(body, model));
        long prompt = Math.max(0, UpstreamJson.count(body, "prompt_eval_count"));
        list.putObject("usage").put("prompt_tokens", prompt).put("total_tokens", prompt);
        return list;
    }

    private static ObjectNode models(ObjectNode body) {
        if (!(body.get("models") instanceof ArrayNode models)) throw new UpstreamReplyException("the Ollama model list has no models array");
        ObjectNode list = UpstreamJson.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (JsonNode model : models) {
            String name = UpstreamJson.text(model, "name");
            if (name == null) name = UpstreamJson.text(model, "model");
            if (name == null) continue;
            data.addObject().put("id", name).put("object", "model")
                    .put("created", AnthropicAdapter.epochSeconds(UpstreamJson.text(model, "modified_at")))
                    .put("owned_by", "ollama");
        }
        return list;
    }

    /** Ollama's tool call (arguments as an object) → OpenAI's (arguments as JSON text, an id). */
    static ObjectNode toolCall(JsonNode call, Stamps stamps) {
        JsonNode function = call.get("function");
        String name = UpstreamJson.text(function, "name");
        if (name == null) throw new UpstreamReplyException("the Ollama reply has a tool call without a name");
        JsonNode arguments = function.get("arguments");
        String id = UpstreamJson.text(call, "id");
        String text = arguments == null || arguments.isNull() ? "{}" : arguments.isTextual() ? arguments.textValue() : UpstreamJson.write(arguments);
        return OpenAiShapes.toolCall(id != null ? id : stamps.newId("call_"), name, text);
    }

    static String finishReason(String doneReason, boolean toolCalls) {
        if (toolCalls) return "tool_calls";
        return "length".equals(doneReason) ? "length" : "stop";
    }

    static ObjectNode usage(JsonNode body) {
        return OpenAiShapes.usage(UpstreamJson.count(body, "prompt_eval_count"), UpstreamJson.count(body, "eval_count"));
    }

    static String modelOf(JsonNode body, String requested) {
        String model = UpstreamJson.text(body, "model");
        return model != null ? model : requested;
    }
}
