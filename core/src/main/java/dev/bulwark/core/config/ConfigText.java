package dev.bulwark.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a configuration file's text with a bound: a regular file only (a FIFO or device would block), at most a
 * given size, strict UTF-8. Problems are {@link ConfigException}s at line 0 ({@code (file)}) or at the offending line.
 */
public final class ConfigText {
    private ConfigText() {
    }

    /** The text of {@code file}: a regular file of at most {@code maxBytes} bytes of UTF-8 (checked strictly). */
    public static String read(Path file, int maxBytes, ConfigFormat format) throws ConfigException {
        if (Files.isDirectory(file)) throw new ConfigException(file, 0, "(file)", "is a directory, not a " + format.fileNoun());
        // Checked before opening: opening a FIFO or device would block or never end.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ConfigException(file, 0, "(file)", "is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "(file)", "no such file (" + format.missingFileHint() + ")");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "(file)", "cannot read: " + e.getMessage());
        }
        if (bytes.length > maxBytes) throw tooBig(file, maxBytes, format);
        return utf8(file, bytes);
    }

    private static String utf8(Path file, byte[] bytes) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new ConfigException(file, line, FieldPath.display(FieldPath.ROOT),
                    "not UTF-8 text (byte " + in.position() + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    static ConfigException tooBig(Path file, int maxBytes, ConfigFormat format) {
        return new ConfigException(file, 1, FieldPath.display(FieldPath.ROOT), "the file is larger than "
                + maxBytes / 1024 + " KiB; a " + format.fileNoun() + " is a few KB (wrong file?)");
    }
}
