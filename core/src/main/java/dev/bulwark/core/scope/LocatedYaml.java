package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.config.ConfigException;
import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import dev.bulwark.core.config.YamlDocument;
import dev.bulwark.core.config.YamlReader;

import java.nio.file.Path;

/**
 * The scope loader's YAML reading for other YAML files Bulwark takes (custom probe files): the same limits
 * (depth, node count, no aliases, one document, no duplicate keys) and the line of every field, so a problem is
 * reported as {@code file:line: field: what is wrong} like a scope problem. Field paths read
 * {@code prompts[1].text}.
 */
public final class LocatedYaml {
    private final Path file;
    private final YamlDocument document;
    private final Problems problems;

    private LocatedYaml(Path file, YamlDocument document) {
        this.file = file;
        this.document = document;
        this.problems = new Problems(file, document);
    }

    /** Parses {@code text} as read from {@code file}; a syntax or limit problem is a {@link ScopeException}. */
    public static LocatedYaml parse(Path file, String text) throws ScopeException {
        try {
            return new LocatedYaml(file, YamlReader.read(file, text, ScopeLoader.FORMAT));
        } catch (ConfigException e) {
            throw ScopeException.of(e);
        }
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
        problems.add(path, message);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfAny() throws ScopeException {
        try {
            problems.throwIfAny();
        } catch (ConfigException e) {
            throw ScopeException.of(e);
        }
    }

    public static String child(String parent, String name) {
        return FieldPath.child(parent, name);
    }

    public static String index(String parent, int i) {
        return FieldPath.index(parent, i);
    }
}
