package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Model files to scan before anyone loads them ({@code kind: model-files}).
 *
 * @param strict report callables outside the allowlist as high instead of medium
 */
public record ModelFilesTarget(String id, List<Path> paths, boolean strict, List<String> assets) implements FileTarget {
    public ModelFilesTarget {
        Objects.requireNonNull(id, "id");
        paths = List.copyOf(paths);
        assets = List.copyOf(assets);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.MODEL_FILES;
    }
}
