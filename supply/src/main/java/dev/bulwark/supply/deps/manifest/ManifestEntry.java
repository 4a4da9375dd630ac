package dev.bulwark.supply.deps.manifest;

import dev.bulwark.supply.deps.Dependency;
import java.util.List;
import java.util.Objects;

/**
 * A dependency as one manifest declares it, with what only the manifest knows: the scope, the environment markers
 * (kept as text, never evaluated), extras, and whether it is an editable install.
 */
public record ManifestEntry(Dependency dependency, DependencyScope scope, String markers, List<String> extras,
                            boolean editable) {
    public ManifestEntry {
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(scope, "scope");
        markers = markers == null ? "" : markers;
        extras = extras == null ? List.of() : List.copyOf(extras);
    }

    public static ManifestEntry of(Dependency dependency, DependencyScope scope) {
        return new ManifestEntry(dependency, scope, "", List.of(), false);
    }
}
