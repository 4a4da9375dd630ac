package dev.bulwark.core.scope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the probe-related fields of an {@code llm-chat} target: {@code tools}, {@code maxTokens}, {@code prices}. */
final class ChatTargetFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatTargetFields() {
    }

    /** The OpenAI {@code tools} list; the schema has checked the shape, this checks that names are unique. */
    static List<ToolSpec> tools(JsonNode target, String path, Problems problems) {
        List<ToolSpec> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = Nodes.array(target, "tools");
        for (int i = 0; i < list.size(); i++) {
            JsonNode function = list.get(i).path("function");
            String name = function.path("name").asText();
            if (!names.add(name)) {
                problems.add(FieldPath.child(FieldPath.child(FieldPath.index(path, i), "function"), "name"),
                        "duplicate tool name '" + name + "'");
            }
            JsonNode parameters = function.get("parameters");
            tools.add(new ToolSpec(name, Nodes.text(function, "description", ""),
                    parameters == null ? null : write(parameters)));
        }
        return tools;
    }

    static OptionalInt maxTokens(JsonNode target) {
        JsonNode v = target.get("maxTokens");
        return v == null || v.isNull() ? OptionalInt.empty() : OptionalInt.of(v.asInt());
    }

    static Optional<Prices> prices(JsonNode target) {
        JsonNode v = target.get("prices");
        if (v == null || v.isNull()) return Optional.empty();
        return Optional.of(new Prices(v.path("inputPerMillionTokens").asDouble(),
                v.path("outputPerMillionTokens").asDouble(), Nodes.text(v, "currency", "USD")));
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }
}
