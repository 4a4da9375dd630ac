package dev.bulwark.guard.access;

import dev.bulwark.guard.config.RoleConfig;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Roles → routes, models and tools. A caller may call a route with a model when one of its roles lists the route, a
 * pattern matching the model and, for every tool the request offers the model, a pattern matching its function name
 * (least privilege for agents: a support bot's key cannot hand the model a refund tool). Unknown role names grant
 * nothing. Without a configured {@code chat} role, the default one applies: chat, completions and models, any model,
 * any tool.
 */
final class Authorizer {
    static final RoleConfig DEFAULT_CHAT_ROLE = new RoleConfig("chat", List.of("chat", "completions", "models"),
            List.of("*"));

    private final Map<String, Grant> grants;

    private record Grant(Set<Route> routes, List<ModelPattern> models, List<ModelPattern> tools) {
        boolean allowsModel(String model) {
            return models.stream().anyMatch(p -> p.matches(model));
        }

        boolean allowsTools(List<String> names) {
            return names.stream().allMatch(name -> tools.stream().anyMatch(p -> p.matches(name)));
        }
    }

    private Authorizer(Map<String, Grant> grants) {
        this.grants = grants;
    }

    static Authorizer of(List<RoleConfig> roles) {
        Map<String, Grant> grants = new HashMap<>();
        grants.put(DEFAULT_CHAT_ROLE.name(), grant(DEFAULT_CHAT_ROLE));
        for (RoleConfig role : roles) grants.put(role.name(), grant(role));
        return new Authorizer(Map.copyOf(grants));
    }

    private static Grant grant(RoleConfig role) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        for (String name : role.routes()) {
            routes.add(Route.ofConfigName(name).orElseThrow(() -> new IllegalArgumentException(
                    "role '" + role.name() + "': unknown route '" + name + "'")));
        }
        return new Grant(routes, role.models().stream().map(ModelPattern::new).toList(),
                role.tools().stream().map(ModelPattern::new).toList());
    }

    /**
     * Empty when allowed; a 403 saying whether the route, the model or a tool was refused (never echoing the model or
     * the tool).
     */
    Optional<Refusal> authorize(Caller caller, Route route, String model, List<String> tools) {
        boolean routeAllowed = false;
        boolean modelAllowed = false;
        for (String roleName : caller.roles()) {
            Grant grant = grants.get(roleName);
            if (grant == null || !grant.routes().contains(route)) continue;
            routeAllowed = true;
            if (model != null && !grant.allowsModel(model)) continue;
            modelAllowed = true;
            if (grant.allowsTools(tools)) return Optional.empty();
        }
        if (!routeAllowed) return Optional.of(AuthRefusals.ROUTE_FORBIDDEN);
        return Optional.of(modelAllowed ? AuthRefusals.TOOL_FORBIDDEN : AuthRefusals.MODEL_FORBIDDEN);
    }
}
