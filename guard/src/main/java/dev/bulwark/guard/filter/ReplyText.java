package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayList;
import java.util.List;

/** Where model-written text sits in one choice of a whole reply, as slots that can be read and replaced. */
final class ReplyText {
    private ReplyText() {
    }

    /**
     * A text field of a JSON object.
     *
     * @param rendered whether a client renders it (content: markup rules apply) or a program reads it (arguments)
     */
    record Slot(ObjectNode owner, String field, boolean rendered) {
        String get() {
            return owner.get(field).asText();
        }

        void set(String text) {
            owner.put(field, text);
        }
    }

    static List<Slot> slots(Route route, ObjectNode choice) {
        var slots = new ArrayList<Slot>();
        if (route == Route.COMPLETIONS) {
            addText(slots, choice, "text", true);
            return slots;
        }
        if (!(choice.get("message") instanceof ObjectNode message)) return slots;
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            slots.add(new Slot(message, "content", true));
        } else if (content != null && content.isArray()) {
            for (JsonNode part : content) if (part instanceof ObjectNode p) addText(slots, p, "text", true);
        }
        addText(slots, message, "refusal", true);
        if (message.get("tool_calls") instanceof com.fasterxml.jackson.databind.node.ArrayNode calls) {
            for (JsonNode call : calls) {
                if (call.get("function") instanceof ObjectNode fn) addText(slots, fn, "arguments", false);
            }
        }
        if (message.get("function_call") instanceof ObjectNode fn) addText(slots, fn, "arguments", false);
        return slots;
    }

    private static void addText(List<Slot> slots, ObjectNode owner, String field, boolean rendered) {
        JsonNode value = owner.get(field);
        if (value != null && value.isTextual() && !value.asText().isEmpty()) slots.add(new Slot(owner, field, rendered));
    }
}
