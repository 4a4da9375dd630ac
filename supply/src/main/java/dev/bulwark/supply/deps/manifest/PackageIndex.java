package dev.bulwark.supply.deps.manifest;

import dev.bulwark.supply.deps.Dependency;
import java.util.Objects;

/**
 * A package source a manifest names: pip's {@code --index-url} / {@code --extra-index-url} / {@code --find-links},
 * a Pipfile.lock or Poetry source, a conda channel, a registry an npm package was resolved from.
 */
public record PackageIndex(Kind kind, String url, Dependency.Source source) {
    public PackageIndex {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
    }

    public enum Kind {
        /** Replaces the default index. */
        PRIMARY,
        /** Searched in addition to the primary index: the dependency-confusion route. */
        EXTRA,
        /** pip --find-links: a page or folder of archives. */
        FIND_LINKS,
        /** A conda channel. */
        CHANNEL
    }
}
