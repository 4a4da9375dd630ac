package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat completions request → Anthropic messages request. System and developer messages become the top-level
 * {@code system}; consecutive turns of one role are merged (the API wants them alternating); text parts become text
 * blocks, images image blocks (base64 from data URLs, URL sources otherwise); tool calls and tool results become
 * {@code tool_use} and {@code tool_result} blocks. {@code max_tokens} is required upstream: 1024 when the client sets
 * none. {@code temperature} is capped at Anthropic's maximum of 1. Options Anthropic lacks (penalties, logprobs,
 * seed, response_format) are not sent.
 */
final class AnthropicRequests {
    static final int DEFAULT_MAX_TOKENS = 1024;

    private AnthropicRequests() {
    }

    static ObjectNode messages(Route route, ObjectNode body, boolean stream) {
        ObjectNode out = UpstreamJson.object().put("model", OpenAiParams.requiredModel(body));
        OpenAiParams.requireSingleChoice(body);
        List<String> system = new ArrayList<>();
        ArrayNode turns = UpstreamJson.NODES.arrayNode();
        if (route == Route.COMPLETIONS) {
            appendTurn(turns, "user", textBlocks(List.of(new ContentPart.Text(OpenAiParams.prompt(body)))));
        } else {
            for (JsonNode message : OpenAiParams.requiredMessages(body)) addMessage(message, system, turns);
        }
        if (turns.isEmpty()) throw new UnsupportedRequestException("at least one user or assistant message with content is required");
        if (!system.isEmpty()) out.put("system", String.join("\n\n", system));
        out.set("messages", turns);
        long maxTokens = OpenAiParams.maxTokens(body);
        out.put("max_tokens", maxTokens > 0 ? maxTokens : DEFAULT_MAX_TOKENS);
        JsonNode temperature = OpenAiParams.number(body, "temperature");
        if (temperature != null) out.put("temperature", Math.min(1.0, Math.max(0.0, temperature.doubleValue())));
        JsonNode topP = OpenAiParams.number(body, "top_p");
        if (topP != null) out.set("top_p", topP);
        ArrayNode stop = OpenAiParams.stop(body);
        if (stop != null && !stop.isEmpty()) out.set("stop_sequences", stop);
        mapTools(body, out);
        String user = UpstreamJson.text(body, "user");
        if (user != null) out.putObject("metadata").put("user_id", user);
        if (stream) out.put("stream", true);
        return out;
    }

    private static void addMessage(JsonNode message, List<String> system, ArrayNode turns) {
        String role = UpstreamJson.text(message, "role");
        if (role == null) throw new UnsupportedRequestException("every message needs a 'role'");
        switch (role) {
            case "system", "developer" -> {
                String text = ContentPart.joinedText(ContentPart.of(message.get("content")), "\n");
                if (!text.isEmpty()) system.add(text);
            }
            case "user" -> appendTurn(turns, "user", blocks(ContentPart.of(message.get("content"))));
            case "assistant" -> {
                ArrayNode blocks = textBlocks(ContentPart.of(message.get("content")));
                for (JsonNode call : toolCalls(message)) blocks.add(toolUse(call));
                appendTurn(turns, "assistant", blocks);
            }
            case "tool" -> {
                String callId = UpstreamJson.text(message, "tool_call_id");
                if (callId == null) throw new UnsupportedRequestException("a tool message needs a 'tool_call_id'");
                ObjectNode result = UpstreamJson.object().put("type", "tool_result").put("tool_use_id", callId);
                result.put("content", ContentPart.joinedText(ContentPart.of(message.get("content")), "\n"));
                appendTurn(turns, "user", UpstreamJson.NODES.arrayNode().add(result));
            }
            default -> throw new UnsupportedRequestException("message role '" + (role.length() > 20 ? role.substring(0, 20) : role)
                    .replaceAll("[^A-Za-z0-9_-]", "?") + "' is not supported by this upstream");
        }
    }

    /** Adds blocks to the last turn when it has the same role, else as a new turn; empty turns are not sent. */
    private static void appendTurn(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) return;
        JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && role.equals(UpstreamJson.text(last, "role"))) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        ObjectNode turn = turns.addObject().put("role", role);
        turn.set("content", blocks);
    }

    private static ArrayNode blocks(List<ContentPart> parts) {
        ArrayNode blocks = UpstreamJson.NODES.arrayNode();
        for (ContentPart part : parts) {
            switch (part) {
                case ContentPart.Text t -> {
                    if (!t.text().isEmpty()) blocks.addObject().put("type", "text").put("text", t.text());
                }
                case ContentPart.InlineImage i -> blocks.addObject().put("type", "image").putObject("source")
                        .put("type", "base64").put("media_type", i.mediaType()).put("data", i.base64());
                case ContentPart.RemoteImage r -> blocks.addObject().put("type", "image").putObject("source")
                        .put("type", "url").put("url", r.url());
            }
        }
        return blocks;
    }

    /** Assistant content: text only (an assistant turn carries no images). */
    private static ArrayNode textBlocks(List<ContentPart> parts) {
        for (ContentPart part : parts) {
            if (!(part instanceof ContentPart.Text)) throw new UnsupportedRequestException("assistant messages can hold text only");
        }
        return blocks(parts);
    }

    private static Iterable<JsonNode> toolCalls(JsonNode message) {
        JsonNode calls = message.get("tool_calls");
        if (calls == null || calls.isNull()) return List.of();
        if (!calls.isArray()) throw new UnsupportedRequestException("'tool_calls' must be an array");
        return calls;
    }

    private static ObjectNode toolUse(JsonNode call) {
        String id = UpstreamJson.text(call, "id");
        JsonNode function = call.get("function");
        String name = UpstreamJson.text(function, "name");
        if (id == null || name == null) throw new UnsupportedRequestException("a tool call needs an 'id' and a function 'name'");
        String arguments = UpstreamJson.text(function, "arguments");
        JsonNode input = arguments == null || arguments.isBlank() ? UpstreamJson.object() : UpstreamJson.parseOrNull(arguments);
        if (!(input instanceof ObjectNode)) throw new UnsupportedRequestException("tool call arguments must be a JSON object");
        ObjectNode block = UpstreamJson.object().put("type", "tool_use").put("id", id).put("name", name);
        block.set("input", input);
        return block;
    }

    private static void mapTools(ObjectNode body, ObjectNode out) {
        ArrayNode tools = OpenAiParams.functionTools(body);
        if (tools != null && !tools.isEmpty()) {
            ArrayNode mapped = out.putArray("tools");
            for (JsonNode tool : tools) {
                JsonNode function = tool.get("function");
                ObjectNode t = mapped.addObject().put("name", UpstreamJson.text(function, "name"));
                String description = UpstreamJson.text(function, "description");
                if (description != null) t.put("description", description);
                JsonNode schema = function.get("parameters");
                if (schema instanceof ObjectNode) t.set("input_schema", schema);
                else t.putObject("input_schema").put("type", "object").putObject("properties");
            }
        }
        ObjectNode choice = toolChoice(body.get("tool_choice"));
        JsonNode parallel = body.get("parallel_tool_calls");
        if (parallel != null && parallel.isBoolean() && !parallel.booleanValue() && out.has("tools")) {
            if (choice == null) choice = UpstreamJson.object().put("type", "auto");
            if (!"none".equals(UpstreamJson.text(choice, "type"))) choice.put("disable_parallel_tool_use", true);
        }
        if (choice != null && out.has("tools")) out.set("tool_choice", choice);
    }

    private static ObjectNode toolChoice(JsonNode choice) {
        if (choice == null || choice.isNull()) return null;
        if (choice.isTextual()) {
            return switch (choice.textValue()) {
                case "auto" -> UpstreamJson.object().put("type", "auto");
                case "required" -> UpstreamJson.object().put("type", "any");
                case "none" -> UpstreamJson.object().put("type", "none");
                default -> throw new UnsupportedRequestException("'tool_choice' must be auto, required, none or a function");
            };
        }
        String name = UpstreamJson.text(choice.get("function"), "name");
        if (name == null) throw new UnsupportedRequestException("'tool_choice' must be auto, required, none or a function");
        return UpstreamJson.object().put("type", "tool").put("name", name);
    }
}
