package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what is wrong with one scope file so a user sees several problems per run instead of one per edit.
 * Lines come from the document, so callers only name the field.
 */
final class Problems {
    /** Enough to fix a file in one go without drowning the first problem. */
    static final int MAX_REPORTED = 25;

    private final Path file;
    private final YamlDocument document;
    private final Set<ScopeException.Problem> found = new LinkedHashSet<>();

    Problems(Path file, YamlDocument document) {
        this.file = file;
        this.document = document;
    }

    /** A problem with the field at {@code path}, reported at that field's line. */
    void add(String path, String problem) {
        addAt(path, path, problem);
    }

    /** A problem with {@code path} reported at the line of {@code linePath} (e.g. the parent of a missing field). */
    void addAt(String path, String linePath, String problem) {
        found.add(new ScopeException.Problem(document.line(linePath), FieldPath.display(path), problem));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws ScopeException {
        if (found.isEmpty()) return;
        List<ScopeException.Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ScopeException.Problem::line));
        throw new ScopeException(file, sorted.subList(0, Math.min(sorted.size(), MAX_REPORTED)));
    }
}
