package dev.bulwark.data.dp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import dev.bulwark.data.table.DataInputException;

/**
 * A dataset as the ledger knows it: the sha256 of the file's bytes (so a copy under another name shares the budget)
 * and the absolute path it was read from (for people reading the ledger).
 */
public record DatasetId(String sha256, String path) {

    public static DatasetId of(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest stream hashes what passes through
            }
            return new DatasetId(HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()),
                    file.toAbsolutePath().normalize().toString());
        } catch (IOException e) {
            throw new DataInputException(file + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
