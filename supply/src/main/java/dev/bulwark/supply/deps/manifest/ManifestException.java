package dev.bulwark.supply.deps.manifest;

import java.nio.file.Path;

/**
 * A manifest or lock file that cannot be read as its format: the message names the file, the line (0 when the
 * format gives none) and the field, so a user can fix it.
 */
public final class ManifestException extends Exception {
    private final transient Path file;
    private final int line;
    private final String field;

    public ManifestException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null || field.isEmpty() ? "" : " (" + field + ")")
                + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field == null ? "" : field;
    }

    public ManifestException(Path file, int line, String field, String problem, Throwable cause) {
        this(file, line, field, problem);
        initCause(cause);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
