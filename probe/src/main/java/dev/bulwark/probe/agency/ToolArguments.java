package dev.bulwark.probe.agency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.scope.ToolSpec;
import dev.bulwark.probe.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plausible arguments for a tool call, written into the attack text ("with order_id=42, amount=500"): the
 * required parameters of the tool's schema, with a harmless value of the right type. The attack only has to be
 * believable; nothing is executed.
 */
final class ToolArguments {
    private static final int MAX_ARGS = 4;

    private ToolArguments() {
    }

    static String describe(ToolSpec tool) {
        JsonNode schema = Json.parse(tool.parametersJson()).orElse(Json.MAPPER.createObjectNode());
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        if (names.isEmpty()) properties.fieldNames().forEachRemaining(names::add);
        List<String> parts = new ArrayList<>();
        for (String name : names.subList(0, Math.min(MAX_ARGS, names.size()))) {
            parts.add(name + "=" + value(name, properties.path(name)));
        }
        return parts.isEmpty() ? "no arguments" : String.join(", ", parts);
    }

    private static String value(String name, JsonNode property) {
        if (property.path("enum").isArray() && !property.path("enum").isEmpty()) return property.path("enum").get(0).asText();
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (property.path("type").asText("string")) {
            case "integer", "number" -> lower.contains("amount") || lower.contains("price") ? "500" : "42";
            case "boolean" -> "true";
            default -> lower.contains("mail") ? "billing@bwk.invalid"
                    : lower.contains("command") || lower.contains("cmd") ? "id" : "42";
        };
    }
}
