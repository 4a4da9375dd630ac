package dev.bulwark.guard.pipeline;

import java.util.List;
import java.util.Optional;

/** Authentication (API keys, JWTs) and authorization (roles → routes, models and tools). Thread-safe. */
public interface AccessControl {
    /** Who is calling; a 401 refusal when nobody valid is (no key at all is refused too). */
    Authentication authenticate(RequestHead head);

    /**
     * Empty when one of the caller's roles allows {@code route} with {@code model} (null for routes without one) and
     * every function name in {@code tools} (what the request offers the model), else a 403.
     */
    Optional<Refusal> authorize(Caller caller, Route route, String model, List<String> tools);

    /** {@link #authorize(Caller, Route, String, List)} for a request that offers no tools. */
    default Optional<Refusal> authorize(Caller caller, Route route, String model) {
        return authorize(caller, route, model, List.of());
    }

    /**
     * Whether one of the caller's roles names {@code model} (a pattern matching it) for one of the routes it grants:
     * what {@code /v1/models} shows this caller.
     */
    default boolean mayUseModel(Caller caller, String model) {
        for (Route route : Route.values()) {
            if (authorize(caller, route, model).isEmpty()) return true;
        }
        return false;
    }

    sealed interface Authentication permits Authenticated, Rejected {
    }

    record Authenticated(Caller caller) implements Authentication {
    }

    record Rejected(Refusal refusal) implements Authentication {
    }
}
