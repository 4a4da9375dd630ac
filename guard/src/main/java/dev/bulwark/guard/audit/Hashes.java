package dev.bulwark.guard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in the log's notation: {@code sha256:} followed by 64 lower-case hex digits. */
final class Hashes {
    static final String PREFIX = "sha256:";
    /** Length of {@code sha256:<64 hex>}. */
    static final int LENGTH = PREFIX.length() + 64;

    private Hashes() {
    }

    static String sha256(byte[] bytes) {
        return PREFIX + HexFormat.of().formatHex(digest(bytes));
    }

    static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The {@code prev} of an instance's first record: the hash of the instance id's UTF-8 bytes. It ties the chain
     * to its instance, so records cannot be moved to the start of another instance's chain.
     */
    static String genesis(String instance) {
        return sha256(instance.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isHash(String s) {
        if (s == null || s.length() != LENGTH || !s.startsWith(PREFIX)) return false;
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }
}
