package dev.bulwark.cli.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The OpenAI wire shapes the demo answers with. */
final class OpenAiJson {
    private OpenAiJson() {
    }

    static JsonObject completion(String id, long created, String content, String finishReason, int promptTokens) {
        int completionTokens = Text.tokens(content);
        return new JsonObject()
                .put("id", id)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", Molly.MODEL)
                .put("choices", new JsonArray().add(new JsonObject()
                        .put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", content))
                        .put("finish_reason", finishReason)))
                .put("usage", new JsonObject()
                        .put("prompt_tokens", promptTokens)
                        .put("completion_tokens", completionTokens)
                        .put("total_tokens", promptTokens + completionTokens));
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
