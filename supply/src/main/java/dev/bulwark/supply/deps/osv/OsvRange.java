package dev.bulwark.supply.deps.osv;

import java.util.List;
import java.util.Objects;

/**
 * A range of affected versions. ECOSYSTEM and SEMVER ranges are evaluated against a version; GIT ranges name
 * commits, which cannot be ordered without the repository, so they are kept but never match a version.
 */
public record OsvRange(Type type, String repo, List<OsvEvent> events) {
    public enum Type { ECOSYSTEM, SEMVER, GIT, UNKNOWN }

    public OsvRange {
        Objects.requireNonNull(type, "type");
        repo = repo == null ? "" : repo;
        events = List.copyOf(events);
    }

    /** True when versions can be compared against this range without a repository. */
    public boolean evaluable() {
        return type == Type.ECOSYSTEM || type == Type.SEMVER;
    }
}
