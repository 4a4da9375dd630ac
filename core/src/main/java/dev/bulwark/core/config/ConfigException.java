package dev.bulwark.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used. The message is {@code file:line: field: what is wrong}, the shape
 * editors and CI logs link to; the CLI prints it and exits 2. When a loader finds several problems at once, each is
 * one such line of the message (sorted by line) and the accessors describe the first.
 */
public class ConfigException extends Exception {
    private final Path file;
    private final List<Problem> problems;

    public ConfigException(Path file, int line, String field, String problem) {
        this(file, List.of(new Problem(line, field, problem)));
    }

    /** Several problems of one file; the first is the primary one. */
    public ConfigException(Path file, List<Problem> problems) {
        super(render(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() { return file; }
    public int line() { return problems.get(0).line(); }
    public String field() { return problems.get(0).field(); }
    public String problem() { return problems.get(0).problem(); }

    /** Every problem found, the primary one first. */
    public List<Problem> problems() { return problems; }

    private static String render(Path file, List<Problem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a ConfigException needs at least one problem");
        return problems.stream().map(p -> file + ":" + p.line() + ": " + p.field() + ": " + p.problem())
                .collect(Collectors.joining("\n"));
    }

    /** One thing wrong at one place: a 1-based line (0 when the file could not be read at all) and a field path. */
    public record Problem(int line, String field, String problem) {
    }
}
