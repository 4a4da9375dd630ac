package dev.bulwark.supply.deps.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one manifest or lock file declares.
 *
 * @param file      the file read
 * @param format    its format
 * @param entries   dependencies in file order (a requirements file's includes inline, each naming its own file)
 * @param indexes   package sources the file names
 * @param locked    true for lock files, whose entries are the full resolved set (direct and transitive)
 * @param included  further files read through includes ({@code -r}, {@code -c})
 * @param notes     problems that did not stop the read but leave part of it unchecked (a missing or remote
 *                  include, an include cycle); reported as "not verified"
 */
public record Manifest(Path file, ManifestFormat format, List<ManifestEntry> entries, List<PackageIndex> indexes,
                       boolean locked, List<Path> included, List<String> notes) {
    public Manifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        entries = List.copyOf(entries);
        indexes = List.copyOf(indexes);
        included = List.copyOf(included);
        notes = List.copyOf(notes);
    }

    /** A manifest without includes or notes. */
    public static Manifest of(Path file, ManifestFormat format, List<ManifestEntry> entries, List<PackageIndex> indexes,
                              boolean locked) {
        return new Manifest(file, format, entries, indexes, locked, List.of(), List.of());
    }

    public List<dev.bulwark.supply.deps.Dependency> dependencies() {
        return entries.stream().map(ManifestEntry::dependency).toList();
    }
}
