package dev.bulwark.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what is wrong with one configuration file so a user sees several problems per run instead of one per
 * edit. Lines come from the document, so callers only name the field.
 */
public final class Problems {
    /** Enough to fix a file in one go without drowning the first problem. */
    public static final int MAX_REPORTED = 25;

    private final Path file;
    private final YamlDocument document;
    private final Set<ConfigException.Problem> found = new LinkedHashSet<>();

    public Problems(Path file, YamlDocument document) {
        this.file = file;
        this.document = document;
    }

    public Path file() {
        return file;
    }

    /** A problem with the field at {@code path}, reported at that field's line. */
    public void add(String path, String problem) {
        addAt(path, path, problem);
    }

    /** A problem with {@code path} reported at the line of {@code linePath} (e.g. the parent of a missing field). */
    public void addAt(String path, String linePath, String problem) {
        found.add(new ConfigException.Problem(document.line(linePath), FieldPath.display(path), problem));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems found so far as one exception, sorted by line and capped at {@link #MAX_REPORTED}. */
    public void throwIfAny() throws ConfigException {
        if (found.isEmpty()) return;
        List<ConfigException.Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ConfigException.Problem::line));
        throw new ConfigException(file, sorted.subList(0, Math.min(sorted.size(), MAX_REPORTED)));
    }
}
