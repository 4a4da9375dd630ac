package dev.bulwark.guard.filter;

import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.redact.FilteredScanner;
import dev.bulwark.guard.config.Action;
import java.util.EnumSet;
import java.util.Optional;

/**
 * What to do with each entity type: personal data follows {@code pii}, credentials follow {@code secrets}. The
 * scanner reports only the types that are looked at (not {@link Action#OFF}); overlaps are still resolved among all
 * types, so a card number inside a secret stays part of the secret. Immutable and thread-safe.
 */
record EntityPolicy(Action pii, Action secrets, Optional<EntityScanner> scanner) {

    static EntityPolicy of(Action pii, Action secrets) {
        return of(pii, secrets, EntityEngine.standard());
    }

    static EntityPolicy of(Action pii, Action secrets, EntityScanner engine) {
        Action p = pii == null ? Action.REDACT : pii;
        Action s = secrets == null ? Action.REDACT : secrets;
        var types = EnumSet.noneOf(EntityType.class);
        for (EntityType t : EntityType.values()) {
            if (actionOf(t, p, s) != Action.OFF) types.add(t);
        }
        Optional<EntityScanner> scanner = types.isEmpty() ? Optional.empty()
                : Optional.of(types.size() == EntityType.values().length ? engine : new FilteredScanner(engine, types));
        return new EntityPolicy(p, s, scanner);
    }

    Action actionFor(EntityType type) {
        return actionOf(type, pii, secrets);
    }

    private static Action actionOf(EntityType type, Action pii, Action secrets) {
        return type.kind() == EntityType.Kind.PII ? pii : secrets;
    }

    /** The decision's detector name for a type: {@code pii} or {@code secrets}. */
    static String detector(EntityType type) {
        return type.kind() == EntityType.Kind.PII ? "pii" : "secrets";
    }

    static String verb(Action action) {
        return switch (action) {
            case BLOCK -> "blocked";
            case REDACT -> "redacted";
            case PSEUDONYMIZE -> "pseudonymized";
            case FLAG, OFF -> "flagged";
        };
    }
}
