package dev.bulwark.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code findings.json} that cannot be used: missing, unreadable, not JSON, or not {@code bulwark/findings/v1}.
 * The message names the file and what is wrong ({@code file: findings[2].severity: unknown severity 'x' ...}), so
 * the command line can print it as is and exit 2.
 */
public final class FindingsFileException extends IOException {
    private final Path file;

    public FindingsFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public FindingsFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
