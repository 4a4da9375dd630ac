package dev.bulwark.cli.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI chat-completions request body. Values are cast, not converted (Vert.x's {@code getString} would turn
 * a number into text), so a wrong type throws {@link ClassCastException}: the vulnerable target shows it as a
 * stack trace, the hardened one as a plain 400.
 */
record ChatRequest(List<Message> messages, Integer maxTokens, boolean stream, boolean logprobs, List<String> toolNames) {
    static final int MAX_TOOLS = 128;

    static final int MAX_MESSAGES = 256;

    record Message(String role, String content) {
    }

    static ChatRequest parse(JsonObject body) {
        JsonArray raw = body.getJsonArray("messages");
        if (raw == null || raw.isEmpty()) throw new IllegalArgumentException("messages must be a non-empty array");
        if (raw.size() > MAX_MESSAGES) throw new IllegalArgumentException("too many messages: " + raw.size());
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonObject m = raw.getJsonObject(i);
            String role = string(m, "role");
            messages.add(new Message(role == null ? "user" : role, content(m.getValue("content"))));
        }
        string(body, "model"); // any model name is accepted, but it must be a string
        body.getNumber("temperature");
        Integer maxTokens = body.getInteger("max_tokens");
        if (maxTokens != null && maxTokens < 1) throw new IllegalArgumentException("max_tokens must be >= 1");
        return new ChatRequest(List.copyOf(messages), maxTokens, body.getBoolean("stream", false),
                body.getBoolean("logprobs", false), toolNames(body.getJsonArray("tools")));
    }

    /** The function names of an OpenAI {@code tools} array; the simulator never runs a tool, it only names one. */
    private static List<String> toolNames(JsonArray tools) {
        if (tools == null) return List.of();
        if (tools.size() > MAX_TOOLS) throw new IllegalArgumentException("too many tools: " + tools.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            String name = string(tools.getJsonObject(i).getJsonObject("function"), "name");
            if (name != null) names.add(name);
        }
        return List.copyOf(names);
    }

    static String string(JsonObject json, String key) {
        return (String) json.getValue(key);
    }

    /** Content is a string or, in newer clients, a list of {@code {type: text, text: ...}} parts. */
    private static String content(Object value) {
        if (value == null) return "";
        if (value instanceof JsonArray parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                text.append(parts.getJsonObject(i).getString("text", ""));
            }
            return text.toString();
        }
        return (String) value;
    }

    /** The latest user message, with the caller's earlier user and system messages as context. */
    Question question() {
        int last = messages.size() - 1;
        for (int i = last; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                last = i;
                break;
            }
        }
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            Message m = messages.get(i);
            if (!"assistant".equals(m.role())) earlier.add(m.content());
        }
        return Question.of(earlier, messages.get(last).content());
    }

    /** Prompt size as the simulated model would see it: its own system prompt plus every message. */
    int promptTokens() {
        return Text.tokens(SystemPrompt.ENGLISH) + messages.stream().mapToInt(m -> Text.tokens(m.content())).sum();
    }
}
