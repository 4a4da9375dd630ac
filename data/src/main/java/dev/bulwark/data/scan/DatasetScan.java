package dev.bulwark.data.scan;

import dev.bulwark.data.classify.Classified;
import dev.bulwark.data.privacy.EquivalenceClasses;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of scanning one dataset.
 *
 * @param file           the dataset
 * @param rowsProfiled   rows read for column profiles and poisoning (all of them when {@code complete})
 * @param complete       whether every row was profiled
 * @param columns        per column, in file order
 * @param classification the dataset's level (the highest of its columns)
 * @param sensitive      the sensitive column used for l, or null
 * @param privacy        k and l over every row, when there are quasi-identifiers
 * @param poisoning      poisoning indicators, when there is a label column
 */
public record DatasetScan(Path file, long rowsProfiled, boolean complete, List<ColumnProfile> columns,
                          Classified classification, String sensitive, Optional<EquivalenceClasses> privacy,
                          Optional<PoisoningIndicators> poisoning) {
    public DatasetScan {
        columns = List.copyOf(columns);
    }

    public List<String> quasiIdentifiers() {
        return columns.stream().filter(ColumnProfile::quasiIdentifier).map(ColumnProfile::name).toList();
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
