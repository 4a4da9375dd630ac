package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;

/** Builders of the OpenAI reply objects the translating adapters produce (whole replies; chunks are {@link ChunkWriter}). */
final class OpenAiShapes {
    private OpenAiShapes() {
    }

    /** {@code usage} from the two counts, or null when the upstream gave neither. */
    static ObjectNode usage(long promptTokens, long completionTokens) {
        if (promptTokens < 0 && completionTokens < 0) return null;
        long prompt = Math.max(0, promptTokens);
        long completion = Math.max(0, completionTokens);
        return UpstreamJson.object()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /**
     * A whole reply: {@code chat.completion} with {@code message} on the chat route, {@code text_completion} with the
     * message's text on the completions route.
     */
    static ObjectNode completion(Route route, String id, long created, String model, ObjectNode message,
                                 String finishReason, ObjectNode usage) {
        ObjectNode reply = UpstreamJson.object().put("id", id);
        ArrayNode choices = UpstreamJson.NODES.arrayNode();
        ObjectNode choice = choices.addObject().put("index", 0);
        if (route == Route.COMPLETIONS) {
            reply.put("object", "text_completion");
            choice.put("text", message.path("content").asText(""));
            choice.putNull("logprobs");
        } else {
            reply.put("object", "chat.completion");
            choice.set("message", message);
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", finishReason);
        reply.put("created", created).put("model", model);
        reply.set("choices", choices);
        if (usage != null) reply.set("usage", usage);
        return reply;
    }

    /** An assistant message with {@code content} (null content stays JSON null, as OpenAI sends with tool calls). */
    static ObjectNode assistantMessage(String content, ArrayNode toolCalls) {
        ObjectNode message = UpstreamJson.object().put("role", "assistant");
        if (content == null) message.putNull("content");
        else message.put("content", content);
        if (toolCalls != null && !toolCalls.isEmpty()) message.set("tool_calls", toolCalls);
        return message;
    }

    /** One OpenAI tool call; {@code arguments} is a JSON text, as OpenAI sends it. */
    static ObjectNode toolCall(String id, String name, String arguments) {
        ObjectNode call = UpstreamJson.object().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        return call;
    }
}
