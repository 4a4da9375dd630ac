package dev.bulwark.core.scope;

import java.util.Objects;

/**
 * One function an LLM chat target can call, as listed in the scope in the OpenAI {@code tools} shape
 * ({@code {type: function, function: {name, description, parameters}}}). {@code parametersJson} is the JSON text
 * of {@code parameters} (a JSON Schema object), kept as text so the record stays immutable; checks send it back
 * unchanged. Bulwark never executes a tool: it only observes whether the model asks to call one.
 */
public record ToolSpec(String name, String description, String parametersJson) {
    /** An object schema without properties: what a tool without {@code parameters} takes. */
    public static final String NO_PARAMETERS = "{\"type\":\"object\",\"properties\":{}}";

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parametersJson = parametersJson == null || parametersJson.isBlank() ? NO_PARAMETERS : parametersJson;
    }
}
