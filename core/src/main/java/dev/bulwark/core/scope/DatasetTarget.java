package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Training or retrieval data to scan for personal data, re-identification risk and poisoning ({@code kind: dataset}).
 *
 * @param quasiIdentifiers columns that identify a person in combination; empty: detected
 * @param sensitive        the column l-diversity protects; empty: detected
 * @param label            the training label for the poisoning indicators; empty: detected
 * @param sampleRows       rows the per-column scan reads from the start; 0: all (k is always counted over all rows)
 */
public record DatasetTarget(String id, List<Path> paths, List<String> quasiIdentifiers, Optional<String> sensitive,
                            Optional<String> label, long sampleRows, List<String> assets) implements FileTarget {
    public static final long DEFAULT_SAMPLE_ROWS = 10_000;

    public DatasetTarget {
        Objects.requireNonNull(id, "id");
        paths = List.copyOf(paths);
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        Objects.requireNonNull(sensitive, "sensitive");
        Objects.requireNonNull(label, "label");
        assets = List.copyOf(assets);
    }

    @Override
    public TargetKind kind() {
        return TargetKind.DATASET;
    }
}
