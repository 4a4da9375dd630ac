package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The function names a request offers the model: {@code tools[].function.name} (OpenAI), {@code tools[].name} (a
 * flat tool), {@code functions[].name} (the legacy form). A tool whose name is missing or not a string counts as the
 * empty name, which only a {@code *} pattern allows: a malformed tool must not slip past a role's list.
 */
final class OfferedTools {
    private OfferedTools() {
    }

    static List<String> names(ObjectNode body) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) {
                JsonNode function = tool.get("function");
                names.add(name(function != null && function.isObject() ? function : tool));
            }
        }
        JsonNode functions = body.get("functions");
        if (functions != null && functions.isArray()) {
            for (JsonNode function : functions) names.add(name(function));
        }
        return List.copyOf(names);
    }

    private static String name(JsonNode holder) {
        return Objects.requireNonNullElse(JsonBodies.text(holder, "name"), "");
    }
}
