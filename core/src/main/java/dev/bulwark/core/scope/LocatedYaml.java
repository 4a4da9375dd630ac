package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scope loader's YAML reading for other YAML files Bulwark takes (custom probe files): the same limits
 * (depth, node count, no aliases, one document, no duplicate keys) and the line of every field, so a problem is
 * reported as {@code file:line: field: what is wrong} like a scope problem. Field paths read
 * {@code prompts[1].text}.
 */
public final class LocatedYaml {
    private final Path file;
    private final YamlDocument document;
    private final List<ScopeException.Problem> problems = new ArrayList<>();

    private LocatedYaml(Path file, YamlDocument document) {
        this.file = file;
        this.document = document;
    }

    /** Parses {@code text} as read from {@code file}; a syntax or limit problem is a {@link ScopeException}. */
    public static LocatedYaml parse(Path file, String text) throws ScopeException {
        return new LocatedYaml(file, YamlTreeReader.read(file, text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    public JsonNode root() {
        return document.root();
    }

    public Path file() {
        return file;
    }

    /** The line of the field at {@code path} (or of its nearest ancestor). */
    public int line(String path) {
        return document.line(path);
    }

    /** Notes a problem at the field {@code path}; {@link #throwIfAny} reports them all. */
    public void problem(String path, String message) {
        problems.add(new ScopeException.Problem(line(path), FieldPath.display(path), message));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfAny() throws ScopeException {
        if (problems.isEmpty()) return;
        List<ScopeException.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(ScopeException.Problem::line));
        throw new ScopeException(file, sorted.subList(0, Math.min(sorted.size(), Problems.MAX_REPORTED)));
    }

    public static String child(String parent, String name) {
        return FieldPath.child(parent, name);
    }

    public static String index(String parent, int i) {
        return FieldPath.index(parent, i);
    }
}
