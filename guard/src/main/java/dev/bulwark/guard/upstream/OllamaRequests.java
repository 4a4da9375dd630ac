package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI requests → Ollama's native API. Chat goes to {@code /api/chat} (text parts joined by newlines, inline
 * images as {@code images}, tools and tool calls in Ollama's shape), completions to {@code /api/generate},
 * embeddings to {@code /api/embed}. Sampling options go into {@code options} ({@code max_tokens} →
 * {@code num_predict}); {@code response_format} becomes {@code format}. Remote image URLs are refused: Ollama does not
 * fetch them, and the gateway fetching client-named URLs would be a request-forgery hole.
 */
final class OllamaRequests {
    private OllamaRequests() {
    }

    static ObjectNode chat(ObjectNode body, boolean stream) {
        ObjectNode out = base(body, stream);
        ArrayNode messages = out.putArray("messages");
        Map<String, String> toolNames = new HashMap<>();
        for (JsonNode message : OpenAiParams.requiredMessages(body)) messages.add(message(message, toolNames));
        ArrayNode tools = OpenAiParams.functionTools(body);
        if (tools != null && !tools.isEmpty()) out.set("tools", tools);
        format(body, out);
        options(body, out);
        return out;
    }

    static ObjectNode generate(ObjectNode body, boolean stream) {
        ObjectNode out = base(body, stream).put("prompt", OpenAiParams.prompt(body));
        String suffix = UpstreamJson.text(body, "suffix");
        if (suffix != null) out.put("suffix", suffix);
        options(body, out);
        return out;
    }

    static ObjectNode embed(ObjectNode body) {
        ObjectNode out = UpstreamJson.object().put("model", OpenAiParams.requiredModel(body));
        JsonNode input = body.get("input");
        boolean texts = input != null && (input.isTextual() || input.isArray() && !input.isEmpty() && allText(input));
        if (!texts) throw new UnsupportedRequestException("'input' must be a string or an array of strings for this upstream");
        out.set("input", input);
        JsonNode dimensions = body.get("dimensions");
        if (dimensions != null && dimensions.isIntegralNumber()) out.set("dimensions", dimensions);
        return out;
    }

    private static ObjectNode base(ObjectNode body, boolean stream) {
        OpenAiParams.requireSingleChoice(body);
        return UpstreamJson.object().put("model", OpenAiParams.requiredModel(body)).put("stream", stream);
    }

    private static ObjectNode message(JsonNode message, Map<String, String> toolNames) {
        String role = UpstreamJson.text(message, "role");
        if (role == null) throw new UnsupportedRequestException("every message needs a 'role'");
        String mapped = switch (role) {
            case "system", "developer" -> "system";
            case "user", "assistant", "tool" -> role;
            default -> throw new UnsupportedRequestException("message role is not supported by this upstream");
        };
        List<ContentPart> parts = ContentPart.of(message.get("content"));
        ObjectNode out = UpstreamJson.object().put("role", mapped).put("content", ContentPart.joinedText(parts, "\n"));
        ArrayNode images = UpstreamJson.NODES.arrayNode();
        for (ContentPart part : parts) {
            if (part instanceof ContentPart.InlineImage image) images.add(image.base64());
            if (part instanceof ContentPart.RemoteImage) {
                throw new UnsupportedRequestException("the Ollama upstream takes inline (data:) images only");
            }
        }
        if (!images.isEmpty()) out.set("images", images);
        if ("assistant".equals(role) && message.get("tool_calls") instanceof ArrayNode calls && !calls.isEmpty()) {
            out.set("tool_calls", toolCalls(calls, toolNames));
        }
        if ("tool".equals(role)) {
            String name = toolNames.get(UpstreamJson.text(message, "tool_call_id"));
            if (name != null) out.put("tool_name", name);
        }
        return out;
    }

    /** OpenAI tool calls (arguments as JSON text) → Ollama's (arguments as an object). */
    private static ArrayNode toolCalls(ArrayNode calls, Map<String, String> toolNames) {
        ArrayNode out = UpstreamJson.NODES.arrayNode();
        for (JsonNode call : calls) {
            JsonNode function = call.get("function");
            String name = UpstreamJson.text(function, "name");
            if (name == null) throw new UnsupportedRequestException("a tool call needs a function 'name'");
            String id = UpstreamJson.text(call, "id");
            if (id != null) toolNames.put(id, name);
            String arguments = UpstreamJson.text(function, "arguments");
            JsonNode parsed = arguments == null || arguments.isBlank() ? UpstreamJson.object() : UpstreamJson.parseOrNull(arguments);
            if (!(parsed instanceof ObjectNode)) throw new UnsupportedRequestException("tool call arguments must be a JSON object");
            ObjectNode fn = out.addObject().putObject("function").put("name", name);
            fn.set("arguments", parsed);
        }
        return out;
    }

    private static void format(ObjectNode body, ObjectNode out) {
        JsonNode format = body.get("response_format");
        String type = UpstreamJson.text(format, "type");
        if ("json_object".equals(type)) out.put("format", "json");
        if ("json_schema".equals(type) && format.path("json_schema").get("schema") instanceof ObjectNode schema) out.set("format", schema);
    }

    private static void options(ObjectNode body, ObjectNode out) {
        ObjectNode options = UpstreamJson.object();
        for (String name : new String[] {"temperature", "top_p", "seed", "presence_penalty", "frequency_penalty"}) {
            JsonNode value = OpenAiParams.number(body, name);
            if (value != null) options.set(name, value);
        }
        long maxTokens = OpenAiParams.maxTokens(body);
        if (maxTokens > 0) options.put("num_predict", maxTokens);
        ArrayNode stop = OpenAiParams.stop(body);
        if (stop != null && !stop.isEmpty()) options.set("stop", stop);
        if (!options.isEmpty()) out.set("options", options);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) if (!item.isTextual()) return false;
        return true;
    }
}
