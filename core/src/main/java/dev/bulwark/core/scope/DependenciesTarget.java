package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Manifests and lock files whose dependencies are checked against the offline vulnerability data and for
 * untrustworthy components ({@code kind: dependencies}).
 */
public record DependenciesTarget(String id, List<Path> paths, List<String> assets) implements FileTarget {
    public DependenciesTarget {
        Objects.requireNonNull(id, "id");
        paths = List.copyOf(paths);
        assets = List.copyOf(assets);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.DEPENDENCIES;
    }
}
