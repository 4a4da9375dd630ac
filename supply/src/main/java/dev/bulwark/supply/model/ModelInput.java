package dev.bulwark.supply.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes to scan: a file on disk or an entry inside an archive. {@link #open()} returns a fresh stream from the
 * first byte on every call (readers that need two passes call it twice); the caller closes it. Readers never
 * assume the whole input fits in memory: a model may be many gigabytes and the scanner runs in -Xmx64m.
 */
public interface ModelInput {
    /** What the user sees: the file path, or the entry name inside its archive. */
    String name();

    /** Size in bytes, or -1 when the container does not say (a streamed, compressed entry). */
    long size();

    InputStream open() throws IOException;

    /** The file on disk when this input is one (random access for zip central directories), else null. */
    default Path file() {
        return null;
    }

    static ModelInput of(Path file) {
        return of(file.toString(), file);
    }

    /** A file on disk shown to the user as {@code name} (an archive member spilled to a temporary file). */
    static ModelInput of(String name, Path file) {
        return new ModelInput() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Path file() {
                return file;
            }
        };
    }
}
