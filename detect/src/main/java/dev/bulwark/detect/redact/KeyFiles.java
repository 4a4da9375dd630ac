package dev.bulwark.detect.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Bounded reads, owner-only writes and destruction of the small files keys live in. Shared by {@code redact}'s key
 * options and the data module's keysets, so every key file is created, replaced and erased the same way.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    /** The file as UTF-8 text, refused when larger than {@code maxBytes} (a key file is small). */
    public static String read(Path file, int maxBytes) {
        if (Files.isDirectory(file)) throw new KeyFileException(file, "is a folder, not a key file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new KeyFileException(file, "larger than " + maxBytes + " bytes, so not a key file");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file, "no such file");
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes a new file readable by its owner only; an existing file is never overwritten. */
    public static void writeNew(Path file, String content) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file, "already exists; refusing to overwrite a key");
        } catch (UnsupportedOperationException e) {
            createPlain(file);
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot be created (" + e.getClass().getSimpleName() + ")");
        }
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Replaces an existing key file in one step, so a crash leaves the old or the new file, never half of one. */
    public static void replace(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(tmp);
            writeNew(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot be replaced (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Overwrites every byte of the file with random bytes, forces them to the device, then deletes the file. On
     * copy-on-write or flash storage the old blocks may survive physically; the point is that no program can read the
     * key through the file system any more (and copies and backups must go the same way).
     */
    public static void destroy(Path file) {
        if (!Files.isRegularFile(file)) throw new KeyFileException(file, "no such key file");
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            var random = new SecureRandom();
            byte[] noise = new byte[8192];
            for (long at = 0; at < size; ) {
                random.nextBytes(noise);
                var buf = ByteBuffer.wrap(noise, 0, (int) Math.min(noise.length, size - at));
                while (buf.hasRemaining()) at += channel.write(buf, at);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot be overwritten (" + e.getClass().getSimpleName() + ")");
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new KeyFileException(file, "overwritten but cannot be deleted (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void createPlain(Path file) {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file, "already exists; refusing to overwrite a key");
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot be created (" + e.getClass().getSimpleName() + ")");
        }
    }
}
