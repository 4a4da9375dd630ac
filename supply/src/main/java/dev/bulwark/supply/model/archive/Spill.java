package dev.bulwark.supply.model.archive;

import dev.bulwark.supply.model.ModelInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A container that needs random access (zip central directory, 7z, tar index) as a file: the input's own file when it
 * is one, else a temporary copy (bounded) that {@link #close()} deletes.
 */
final class Spill implements AutoCloseable {
    private final Path path;
    private final boolean temporary;

    private Spill(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static Spill of(ModelInput input, long maxBytes) throws IOException {
        if (input.file() != null) return new Spill(input.file(), false);
        try (InputStream in = input.open()) {
            return copy(in, maxBytes);
        }
    }

    /** Copies {@code in} to a temporary file; more than {@code maxBytes} is refused. */
    static Spill copy(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile("bulwark-scan-", ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) throw new ScanLimitException("member larger than " + maxBytes + " bytes");
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Spill(temp, true);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (temporary) Files.deleteIfExists(path);
    }
}
