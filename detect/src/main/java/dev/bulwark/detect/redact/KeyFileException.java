package dev.bulwark.detect.redact;

import java.nio.file.Path;

/** A key or keyset file that cannot be used; the message names the file and what is wrong, never the key. */
public final class KeyFileException extends RuntimeException {
    public KeyFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public KeyFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
