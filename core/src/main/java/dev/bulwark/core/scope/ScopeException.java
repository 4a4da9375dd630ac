package dev.bulwark.core.scope;

import java.nio.file.Path;

/**
 * A scope file that cannot be used. The message is {@code file:line: field: what is wrong}, the shape editors and
 * CI logs link to; the CLI prints it and exits 2.
 */
public final class ScopeException extends Exception {
    private final Path file;
    private final int line;
    private final String field;
    private final String problem;

    public ScopeException(Path file, int line, String field, String problem) {
        super(file + ":" + line + ": " + field + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public Path file() { return file; }
    public int line() { return line; }
    public String field() { return field; }
    public String problem() { return problem; }
}
