package dev.bulwark.cli.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The OpenAI wire shapes the demo answers with. */
final class OpenAiJson {
    private OpenAiJson() {
    }

    static JsonObject completion(String id, long created, String content, String finishReason, int promptTokens) {
        var message = new JsonObject().put("role", "assistant").put("content", content);
        return envelope(id, created, message, finishReason, promptTokens, Text.tokens(content));
    }

    /** A completion that asks to call {@code tool} (content null, {@code finish_reason: tool_calls}). */
    static JsonObject toolCall(String id, long created, String tool, int promptTokens) {
        JsonObject call = new JsonObject().put("id", "call_" + id.substring(Math.max(0, id.length() - 8)))
                .put("type", "function")
                .put("function", new JsonObject().put("name", tool).put("arguments", "{}"));
        var message = new JsonObject().put("role", "assistant").putNull("content")
                .put("tool_calls", new JsonArray().add(call));
        return envelope(id, created, message, "tool_calls", promptTokens, 12);
    }

    /** The chat.completion object around one assistant message, with its token usage. */
    private static JsonObject envelope(String id, long created, JsonObject message, String finishReason,
                                       int promptTokens, int completionTokens) {
        return new JsonObject()
                .put("id", id)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", Molly.MODEL)
                .put("choices", new JsonArray().add(new JsonObject()
                        .put("index", 0)
                        .put("message", message)
                        .put("finish_reason", finishReason)))
                .put("usage", new JsonObject()
                        .put("prompt_tokens", promptTokens)
                        .put("completion_tokens", completionTokens)
                        .put("total_tokens", promptTokens + completionTokens));
    }

    /**
     * Adds OpenAI-style {@code logprobs} to a completion: every word of the answer with a log-probability and five
     * alternatives. Deterministic, like everything the simulator says (derived from the word itself).
     */
    static JsonObject withLogprobs(JsonObject completion, String content) {
        JsonArray tokens = new JsonArray();
        for (String word : content.split("\\s+")) {
            if (word.isEmpty()) continue;
            double logprob = -((word.hashCode() & 0x7fff) / 32768.0);
            JsonArray top = new JsonArray();
            for (int i = 0; i < 5; i++) top.add(new JsonObject().put("token", i == 0 ? word : word + i)
                    .put("logprob", logprob - i));
            tokens.add(new JsonObject().put("token", word).put("logprob", logprob).put("top_logprobs", top));
        }
        completion.getJsonArray("choices").getJsonObject(0).put("logprobs", new JsonObject().put("content", tokens));
        return completion;
    }

    /** One streamed chunk; {@code finishReason} is null until the last one. */
    static JsonObject chunk(String id, long created, JsonObject delta, String finishReason) {
        return new JsonObject()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", Molly.MODEL)
                .put("choices", new JsonArray().add(new JsonObject()
                        .put("index", 0)
                        .put("delta", delta)
                        .put("finish_reason", finishReason)));
    }

    static JsonObject models(long created) {
        return new JsonObject().put("object", "list").put("data", new JsonArray().add(new JsonObject()
                .put("id", Molly.MODEL)
                .put("object", "model")
                .put("created", created)
                .put("owned_by", "brightside-cycles")));
    }

    static JsonObject error(String message, String type) {
        return new JsonObject().put("error", new JsonObject().put("message", message).put("type", type));
    }
}
