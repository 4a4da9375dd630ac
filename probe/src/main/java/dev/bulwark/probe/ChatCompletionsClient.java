package dev.bulwark.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.LlmChatTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI-compatible chat-completions endpoint: sends {@code {model, messages: [{role: user, content}],
 * max_tokens}} and reads {@code choices[0].message.content} (or the model's {@code refusal} text when it declined).
 */
public final class ChatCompletionsClient implements PromptClient {
    /** Enough for a canary or a leaked prompt to show; keeps each probe cheap for the target's owner. */
    public static final int MAX_TOKENS = 300;

    private final LlmChatTarget target;
    private final EngagementClient http;
    private final boolean anonymous;

    ChatCompletionsClient(LlmChatTarget target, EngagementClient http) {
        this(target, http, false);
    }

    private ChatCompletionsClient(LlmChatTarget target, EngagementClient http, boolean anonymous) {
        this.target = Objects.requireNonNull(target, "target");
        this.http = Objects.requireNonNull(http, "http");
        this.anonymous = anonymous;
    }

    @Override
    public PromptClient anonymous() {
        return new ChatCompletionsClient(target, http, true);
    }

    @Override
    public LlmChatTarget target() {
        return target;
    }

    @Override
    public HttpCall call(String prompt) {
        return call(List.of(Message.user(prompt)));
    }

    /** The whole conversation goes out as {@code messages}, in order: the endpoint itself keeps no history. */
    @Override
    public HttpCall call(List<Message> conversation) {
        Message.lastUserTurn(conversation);
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (target.model() != null && !target.model().isBlank()) body.put("model", target.model());
        ArrayNode messages = body.putArray("messages");
        for (Message turn : conversation) {
            ObjectNode message = messages.addObject();
            message.put("role", turn.role());
            message.put("content", turn.content());
        }
        body.put("max_tokens", target.maxTokens().orElse(MAX_TOKENS));
        if (target.stream()) body.put("stream", true);
        HttpCall call = HttpCall.postJson(target.url(), Json.write(body))
                .withHeader("Accept", target.stream() ? "text/event-stream" : "application/json");
        if (anonymous) return call;
        return target.auth().map(a -> call.withHeader(a.header(), a.value())).orElse(call);
    }

    @Override
    public boolean keepsHistory() {
        return true;
    }

    @Override
    public PromptReply read(HttpCall call, HttpReply reply) {
        if (!reply.ok()) return Replies.notOk(call, reply);
        // a server may stream without being asked, or answer in one piece although asked to stream
        if (ServerSentEvents.isStream(reply)) return ServerSentEvents.answer(call, reply, ServerSentEvents::chatChunk);
        Optional<JsonNode> root = Json.parse(reply.bodyText());
        if (root.isEmpty()) return Replies.unreadable(call, reply, "reply is not JSON");
        JsonNode message = root.get().path("choices").path(0).path("message");
        JsonNode content = message.path("content");
        if (content.isTextual()) return new PromptReply.Answer(call, reply, content.asText());
        JsonNode refusal = message.path("refusal");
        if (refusal.isTextual()) return new PromptReply.Answer(call, reply, refusal.asText());
        if (content.isArray()) return new PromptReply.Answer(call, reply, textParts(content));
        return Replies.unreadable(call, reply, "no choices[0].message.content in the reply");
    }

    @Override
    public PromptReply exchange(HttpCall call) throws InterruptedException {
        return Replies.send(http, this, call);
    }

    /** Some compatible servers return content as a list of {type: text, text} parts. */
    private static String textParts(JsonNode parts) {
        var out = new StringBuilder();
        for (JsonNode part : parts) {
            if (part.path("text").isTextual()) out.append(part.path("text").asText());
            if (out.length() > MAX_REPLY_CHARS) break;
        }
        return out.toString();
    }
}
