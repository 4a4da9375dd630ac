package dev.bulwark.core.scope;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Reads at most a few KB of a file, from its start or its end, never through a symbolic link. */
final class BoundedFiles {
    private BoundedFiles() {
    }

    static byte[] head(Path file, int max) throws IOException {
        return read(file, max, false);
    }

    static byte[] tail(Path file, int max) throws IOException {
        return read(file, max, true);
    }

    /** Bytes as text; malformed UTF-8 becomes U+FFFD, which no pattern looks for. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file, int max, boolean fromEnd) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (fromEnd) ch.position(Math.max(0, ch.size() - max));
            ByteBuffer buf = ByteBuffer.allocate(max);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading until full or end of file
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }
}
