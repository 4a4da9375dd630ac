package dev.bulwark.probe.agency;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The function names a chat-completions reply asks to call: {@code choices[*].message.tool_calls[*].function.name},
 * and the older single {@code function_call.name}. Arguments are not read: what matters is that the call was made.
 */
final class ToolCalls {
    private static final int MAX_CALLS = 50;

    private ToolCalls() {
    }

    static List<String> names(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (JsonNode choice : root.path("choices")) {
            JsonNode message = choice.path("message");
            for (JsonNode call : message.path("tool_calls")) {
                if (names.size() >= MAX_CALLS) return names;
                String name = call.path("function").path("name").asText("");
                if (!name.isEmpty()) names.add(name);
            }
            String legacy = message.path("function_call").path("name").asText("");
            if (!legacy.isEmpty()) names.add(legacy);
        }
        return names;
    }

    /** True when the reply holds an answer of some kind (text or any call), so a "no call" verdict means something. */
    static boolean answered(JsonNode root) {
        JsonNode message = root.path("choices").path(0).path("message");
        return message.path("content").isTextual() || message.path("refusal").isTextual()
                || message.path("tool_calls").isArray() || message.has("function_call");
    }
}
