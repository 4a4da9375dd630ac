package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Model files to scan before anyone loads them ({@code kind: model-files}).
 *
 * @param strict    report callables outside the allowlist as high instead of medium
 * @param verifyKey an Ed25519 public key (PEM): every model file must carry a sidecar signed by it
 */
public record ModelFilesTarget(String id, List<Path> paths, boolean strict, Optional<Path> verifyKey,
                               List<String> assets) implements FileTarget {
    public ModelFilesTarget(String id, List<Path> paths, boolean strict, List<String> assets) {
        this(id, paths, strict, Optional.empty(), assets);
    }

    public ModelFilesTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verifyKey, "verifyKey");
        paths = List.copyOf(paths);
        assets = List.copyOf(assets);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.MODEL_FILES;
    }
}
