package dev.bulwark.data.table;

import java.nio.file.Path;

/**
 * A dataset or an argument about it that cannot be used: a ragged CSV, a column that does not exist, a value that
 * is not a number where one is needed. The message names the file and, where known, the line and the column; the
 * CLI turns it into exit code 2.
 */
public final class DataInputException extends RuntimeException {
    public DataInputException(String message) {
        super(message);
    }

    public DataInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE: MESSAGE", or "FILE:LINE: MESSAGE" when the line is known (line &gt; 0). */
    public static DataInputException at(Path file, long line, String message) {
        return new DataInputException(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
