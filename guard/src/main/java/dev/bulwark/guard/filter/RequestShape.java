package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.TextSource;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that a request body has the OpenAI shape for its route and lists the texts in it. What cannot be checked
 * is refused rather than waved through: unknown roles and content part types, token-id prompts (a detector cannot
 * read them). A text part marked {@code "bulwark_source": "data"} (a document the user pasted or an app retrieved)
 * is read as data by the injection detector; the marker is removed before the body goes upstream.
 */
final class RequestShape {
    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    static final Set<String> PART_TYPES = Set.of("text", "image_url", "input_audio", "file", "refusal");
    static final String DATA_MARK = "bulwark_source";
    static final int MAX_PARTS = 256;
    static final int MAX_INPUTS = 2048;
    static final int MAX_CHOICES = 16;

    private RequestShape() {
    }

    /** The texts of {@code body}, in order; the body loses only the data markers. */
    static List<TextSlot> read(Route route, ObjectNode body, int maxMessages) throws Invalid {
        var slots = new ArrayList<TextSlot>();
        switch (route) {
            case CHAT -> chat(body, maxMessages, slots);
            case COMPLETIONS -> {
                strings(body, "prompt", "prompt", TextSource.PROMPT, slots);
                if (body.hasNonNull("suffix")) {
                    if (!body.get("suffix").isTextual()) throw new Invalid("'suffix' must be a string");
                    slots.add(TextSlot.field(body, "suffix", "prompt", TextSource.PROMPT, true));
                }
            }
            case EMBEDDINGS -> {
                if (!body.hasNonNull("input")) throw new Invalid("'input' is required");
                strings(body, "input", "input", null, slots);
            }
            case MODELS -> {
            }
        }
        if (route == Route.CHAT || route == Route.COMPLETIONS) {
            JsonNode n = body.get("n");
            if (n != null && !n.isNull() && (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1
                    || n.asInt() > MAX_CHOICES)) {
                throw new Invalid("'n' must be an integer from 1 to " + MAX_CHOICES);
            }
        }
        return slots;
    }

    /**
     * The texts of a chat body's assistant turns (string content, text parts), read without checking or changing
     * anything — {@link #read} removes the data markers, and it must see them first: what may be replies the gateway
     * released, to look up before the body is inspected. Bounded like {@link #read}.
     */
    static List<String> assistantTexts(ObjectNode body, int maxMessages) {
        var texts = new ArrayList<String>();
        if (!(body.get("messages") instanceof ArrayNode messages)) return texts;
        int count = maxMessages > 0 ? Math.min(messages.size(), maxMessages) : messages.size();
        for (int i = 0; i < count; i++) {
            JsonNode message = messages.get(i);
            if (!"assistant".equals(message.path("role").asText(null))) continue;
            JsonNode content = message.get("content");
            if (content != null && content.isTextual()) {
                texts.add(content.asText());
            } else if (content instanceof ArrayNode parts) {
                for (int p = 0; p < Math.min(parts.size(), MAX_PARTS); p++) {
                    JsonNode part = parts.get(p);
                    if ("text".equals(part.path("type").asText(null)) && part.path("text").isTextual()) {
                        texts.add(part.get("text").asText());
                    }
                }
            }
        }
        return texts;
    }

    private static void chat(ObjectNode body, int maxMessages, List<TextSlot> slots) throws Invalid {
        if (!(body.get("messages") instanceof ArrayNode messages) || messages.isEmpty()) {
            throw new Invalid("'messages' must be a non-empty array");
        }
        if (maxMessages > 0 && messages.size() > maxMessages) {
            throw new Invalid("too many messages: at most " + maxMessages + " are accepted");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof ObjectNode message)) throw new Invalid("messages[" + i + "] must be an object");
            JsonNode roleNode = message.get("role");
            if (roleNode == null || !roleNode.isTextual() || !ROLES.contains(roleNode.asText())) {
                throw new Invalid("messages[" + i + "].role must be one of " + String.join(", ", ROLES.stream().sorted().toList()));
            }
            String role = roleNode.asText();
            TextSource source = role.equals("tool") || role.equals("function") ? TextSource.DATA : TextSource.PROMPT;
            boolean visible = role.equals("user");
            JsonNode content = message.get("content");
            if (content == null || content.isNull()) {
                if (!role.equals("assistant")) throw new Invalid("messages[" + i + "].content is required");
            } else if (content.isTextual()) {
                slots.add(TextSlot.field(message, "content", role, source, visible));
            } else if (content instanceof ArrayNode parts) {
                parts(parts, i, role, source, visible, slots);
            } else {
                throw new Invalid("messages[" + i + "].content must be a string or an array of parts");
            }
            toolCalls(message, i, role, slots);
        }
    }

    private static void parts(ArrayNode parts, int i, String role, TextSource source, boolean visible,
                              List<TextSlot> slots) throws Invalid {
        if (parts.size() > MAX_PARTS) throw new Invalid("messages[" + i + "] has more than " + MAX_PARTS + " parts");
        for (int p = 0; p < parts.size(); p++) {
            String where = "messages[" + i + "].content[" + p + "]";
            if (!(parts.get(p) instanceof ObjectNode part) || !part.path("type").isTextual()
                    || !PART_TYPES.contains(part.get("type").asText())) {
                throw new Invalid(where + " must be a content part of a known type");
            }
            String type = part.get("type").asText();
            boolean data = part.has(DATA_MARK);
            if (data) {
                if (!"data".equals(part.get(DATA_MARK).asText(null))) throw new Invalid(where + "." + DATA_MARK + " must be \"data\"");
                part.remove(DATA_MARK);
            }
            String field = type.equals("refusal") ? "refusal" : "text";
            if (type.equals("text") || type.equals("refusal")) {
                if (!part.path(field).isTextual()) throw new Invalid(where + "." + field + " must be a string");
                slots.add(TextSlot.field(part, field, role, data ? TextSource.DATA : source, visible && !data));
            }
        }
    }

    private static void toolCalls(ObjectNode message, int i, String role, List<TextSlot> slots) throws Invalid {
        JsonNode calls = message.get("tool_calls");
        if (calls == null || calls.isNull()) return;
        if (!role.equals("assistant") || !(calls instanceof ArrayNode array)) {
            throw new Invalid("messages[" + i + "].tool_calls must be an array on an assistant message");
        }
        for (JsonNode call : array) {
            if (call.get("function") instanceof ObjectNode fn && fn.path("arguments").isTextual()) {
                slots.add(TextSlot.field(fn, "arguments", role, null, false));
            }
        }
    }

    /** A string or an array of strings; token ids are refused, since no detector can read them. */
    private static void strings(ObjectNode body, String field, String role, TextSource source,
                                List<TextSlot> slots) throws Invalid {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return;
        if (value.isTextual()) {
            slots.add(TextSlot.field(body, field, role, source, true));
            return;
        }
        if (!(value instanceof ArrayNode array) || array.size() > MAX_INPUTS) {
            throw new Invalid("'" + field + "' must be a string or an array of at most " + MAX_INPUTS + " strings");
        }
        for (int k = 0; k < array.size(); k++) {
            if (!array.get(k).isTextual()) {
                throw new Invalid("'" + field + "' must hold strings (token ids are not accepted by this gateway)");
            }
            slots.add(TextSlot.element(array, k, role, source, true));
        }
    }

    /** The body breaks the expected shape; the message is safe to send to the client. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
