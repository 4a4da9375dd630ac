package dev.bulwark.guard.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client API keys: {@code bwk_} and 32 random bytes in base64url (256 bits, so a fast hash at rest is enough: there
 * is nothing to guess). Only {@link #sha256Hex} of a key is ever stored or compared.
 */
public final class ApiKeys {
    public static final String PREFIX = "bwk_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key; show it to the user once and store only its hash. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Lower-case hex SHA-256 of a text's UTF-8 bytes: a key's, as in {@link ClientConfig#keySha256()}, and the other
     * digests the gateway keeps of texts (released replies).
     */
    public static String sha256Hex(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
