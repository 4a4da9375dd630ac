package dev.bulwark.data.files;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import dev.bulwark.data.keys.KeyPurpose;
import dev.bulwark.data.keys.Keyset;
import dev.bulwark.data.table.DataInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;

/**
 * Whole-file encryption at rest with Tink streaming AEAD (AES-256-GCM-HKDF, 1 MB segments, one random nonce prefix
 * per file): constant memory whatever the size, and every segment authenticated, so a changed, reordered or
 * truncated file is refused. Output goes to a temporary file next to the target and is moved into place only when
 * the whole input was processed; on any failure the temporary file is deleted and nothing appears.
 */
public final class FileEncryption {
    /** Associated data: ties ciphertexts to this use, not to a file name (renaming the file is fine). */
    private static final byte[] CONTEXT = "bulwark-file/1".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 16;

    private final StreamingAead aead;

    private FileEncryption(StreamingAead aead) {
        this.aead = aead;
    }

    /** The encryption of a {@link KeyPurpose#FILES} keyset; {@code file} names the keyset in errors. */
    public static FileEncryption of(Keyset keyset, Path file) {
        keyset.require(KeyPurpose.FILES, file);
        try {
            return new FileEncryption(keyset.part("stream").getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
        } catch (GeneralSecurityException e) {
            throw new DataInputException(file + ": the stream keyset cannot be used (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Encrypts {@code in} into {@code out} with the primary key; returns the plaintext bytes read. */
    public long encrypt(Path in, Path out) {
        return atomically(in, out, (src, dst) -> {
            long total = 0;
            try (OutputStream enc = aead.newEncryptingStream(dst, CONTEXT)) {
                byte[] buf = new byte[BUFFER];
                for (int n; (n = src.read(buf)) > 0; total += n) enc.write(buf, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("streaming AEAD failed", e);
            }
            return total;
        });
    }

    /**
     * Decrypts {@code in} into {@code out} with whichever key of the keyset made it; returns the plaintext bytes.
     * A wrong keyset, a changed byte or a truncated file is a {@link DataInputException} and leaves no output.
     */
    public long decrypt(Path in, Path out) {
        return atomically(in, out, (src, dst) -> {
            long total = 0;
            InputStream dec;
            try {
                dec = aead.newDecryptingStream(new BufferedInputStream(src, BUFFER), CONTEXT);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("streaming AEAD failed", e);
            }
            byte[] buf = new byte[BUFFER];
            while (true) {
                int n;
                try {
                    n = dec.read(buf);
                } catch (IOException e) {
                    throw new DataInputException(in + ": " + (total == 0
                            ? "cannot be decrypted with this keyset (wrong keyset, not a file made by bulwark encrypt, "
                            + "or its first segment was changed)"
                            : "authentication failed after " + total + " good bytes: the file was changed or truncated "
                            + "after it was encrypted") + "; nothing was written");
                }
                if (n < 0) break;
                dst.write(buf, 0, n);
                total += n;
            }
            return total;
        });
    }

    private interface Pump {
        long run(InputStream in, OutputStream out) throws IOException;
    }

    private static long atomically(Path in, Path out, Pump pump) {
        if (!Files.isRegularFile(in)) throw new DataInputException(in + ": no such file");
        Path target = out.toAbsolutePath().normalize();
        if (target.equals(in.toAbsolutePath().normalize())) {
            throw new DataInputException(out + ": the output must not be the input file");
        }
        Path tmp;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new DataInputException(out + ": cannot write (" + e.getClass().getSimpleName() + ")");
        }
        boolean done = false;
        try (InputStream src = Files.newInputStream(in); OutputStream dst = Files.newOutputStream(tmp)) {
            long n = pump.run(src, dst);
            dst.close();
            move(tmp, target);
            done = true;
            return n;
        } catch (NoSuchFileException e) {
            throw new DataInputException(in + ": no such file");
        } catch (IOException e) {
            throw new DataInputException(out + ": cannot write (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); nothing was written");
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // rare (the folder became read-only); the hidden .part name shows it is not a finished file
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
