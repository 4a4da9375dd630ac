package dev.bulwark.supply.deps.osv;

import java.util.Objects;

/** One event of an OSV range: the version where being affected starts or stops. */
public record OsvEvent(Kind kind, String version) {
    public enum Kind {
        /** Affected from this version on ("0" means from the very first version). */
        INTRODUCED,
        /** Not affected from this version on. */
        FIXED,
        /** The last affected version (inclusive); the next one is not affected. */
        LAST_AFFECTED,
        /** No version at or above this one is affected by this range. */
        LIMIT
    }

    public OsvEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }

    /** "introduced: 0", which the spec gives as the lowest possible version rather than a real one. */
    public boolean isFromTheStart() {
        return kind == Kind.INTRODUCED && version.equals("0");
    }
}
