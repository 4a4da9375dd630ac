package dev.bulwark.guard.config;

import java.util.List;

/**
 * What a role may call: route names ({@code chat}, {@code completions}, {@code embeddings}, {@code models}) and model
 * name patterns ({@code *} wildcard). Default role {@code chat}: chat, completions and models, any model.
 */
public record RoleConfig(String name, List<String> routes, List<String> models) {
    public RoleConfig {
        routes = List.copyOf(routes);
        models = List.copyOf(models);
    }
}
