package dev.bulwark.guard.pipeline;

import java.util.Optional;

/** Authentication (API keys, JWTs) and authorization (roles → routes and models). Thread-safe. */
public interface AccessControl {
    /** Who is calling; a 401 refusal when nobody valid is (no key at all is refused too). */
    Authentication authenticate(RequestHead head);

    /** Empty when the caller may use {@code route} with {@code model} (null for routes without one), else a 403. */
    Optional<Refusal> authorize(Caller caller, Route route, String model);

    sealed interface Authentication permits Authenticated, Rejected {
    }

    record Authenticated(Caller caller) implements Authentication {
    }

    record Rejected(Refusal refusal) implements Authentication {
    }
}
