package dev.bulwark.detect.redact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind the {@code hash} and {@code fpe} operators: 32 random bytes, kept in a small text file —
 * {@code #} comment lines and one line {@code bulwark-redaction-key v1 <base64 of 32 bytes>}. Each operator
 * derives its own sub-key from it (HMAC-SHA256 over a purpose label), so one file serves both without the two
 * ever using the same key. {@code toString} never shows the key.
 */
public final class RedactionKey {
    static final String HEADER = "bulwark-redaction-key v1";
    static final int BYTES = 32;
    private static final int MAX_FILE_BYTES = 4096;

    private final byte[] key;

    private RedactionKey(byte[] key) {
        this.key = key.clone();
    }

    /** A fresh random key. */
    public static RedactionKey generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new RedactionKey(bytes);
    }

    /**
     * A key from {@value #BYTES} secret bytes derived elsewhere (the data module derives them from a Tink PRF keyset,
     * so its keyset file holds every key); the array is copied.
     */
    public static RedactionKey of(byte[] secret) {
        if (secret.length != BYTES) throw new IllegalArgumentException("a redaction key is " + BYTES + " bytes");
        return new RedactionKey(secret);
    }

    public static RedactionKey read(Path file) {
        String text = KeyFiles.read(file, MAX_FILE_BYTES);
        if (text.stripLeading().startsWith("{")) {
            throw new KeyFileException(file, "is JSON (a Tink keyset?), not a bulwark redaction key; the hash and "
                    + "fpe operators take a key made with --new-key FILE --operator hash");
        }
        String keyLine = null;
        for (String line : text.split("\\R", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (!l.startsWith(HEADER + " ") || keyLine != null) {
                throw new KeyFileException(file, "expected '#' comments and one line '" + HEADER + " <base64 key>'");
            }
            keyLine = l.substring(HEADER.length()).strip();
        }
        if (keyLine == null) throw new KeyFileException(file, "has no '" + HEADER + " <base64 key>' line");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(keyLine);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file, "the key is not valid base64");
        }
        if (bytes.length != BYTES) {
            throw new KeyFileException(file, "the key is " + bytes.length + " bytes; expected " + BYTES);
        }
        return new RedactionKey(bytes);
    }

    /** Writes the key to a new file (owner read/write only); an existing file is never overwritten. */
    public void write(Path file) {
        KeyFiles.writeNew(file, "# Bulwark redaction key for the hash and fpe operators (docs/redaction.md).\n"
                + "# Keep it secret: whoever holds it can link hashed tokens and decrypt fpe values.\n"
                + HEADER + " " + Base64.getEncoder().encodeToString(key) + "\n");
    }

    /** A sub-key for one purpose: HMAC-SHA256(key, "bulwark/redact/" + purpose). */
    byte[] derive(String purpose) {
        return hmac(key, ("bulwark/redact/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RedactionKey[***]";
    }
}
