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
 * Roles → routes and models. A caller may call a route with a model when one of its roles lists both the route and a
 * pattern matching the model. Unknown role names grant nothing. Without a configured {@code chat} role, the default
 * one applies: chat, completions and models, any model.
 */
final class Authorizer {
    static final RoleConfig DEFAULT_CHAT_ROLE = new RoleConfig("chat", List.of("chat", "completions", "models"),
            List.of("*"));

    private final Map<String, Grant> grants;

    private record Grant(Set<Route> routes, List<ModelPattern> models) {
        boolean allowsModel(String model) {
            return models.stream().anyMatch(p -> p.matches(model));
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
        return new Grant(routes, role.models().stream().map(ModelPattern::new).toList());
    }

    /** Empty when allowed; a 403 saying whether the route or the model was refused (never echoing the model). */
    Optional<Refusal> authorize(Caller caller, Route route, String model) {
        boolean routeAllowed = false;
        for (String roleName : caller.roles()) {
            Grant grant = grants.get(roleName);
            if (grant == null || !grant.routes().contains(route)) continue;
            routeAllowed = true;
            if (model == null || grant.allowsModel(model)) return Optional.empty();
        }
        return Optional.of(routeAllowed ? AuthRefusals.MODEL_FORBIDDEN : AuthRefusals.ROUTE_FORBIDDEN);
    }
}
