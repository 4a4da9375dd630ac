package dev.bulwark.guard.config;

import java.util.List;

/**
 * What a role may call: route names ({@code chat}, {@code completions}, {@code embeddings}, {@code models}), model
 * name patterns and the function names its requests may offer the model as tools ({@code *} wildcard in both).
 * Default role {@code chat}: chat, completions and models, any model, any tool.
 */
public record RoleConfig(String name, List<String> routes, List<String> models, List<String> tools) {
    public RoleConfig {
        routes = List.copyOf(routes);
        models = List.copyOf(models);
        tools = List.copyOf(tools);
    }

    /** A role that may offer any tool. */
    public RoleConfig(String name, List<String> routes, List<String> models) {
        this(name, routes, models, GuardDefaults.ANY_TOOL);
    }
}
