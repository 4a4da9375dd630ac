package dev.bulwark.detect.redact;

import dev.bulwark.detect.EntityType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <EMAIL:AQx3…>}: the value encrypted with Tink's deterministic AEAD (AES-SIV) under the keyset's primary
 * key, base64url without padding. Deterministic, so the same value always gives the same token (joins work); the
 * type name is the associated data, so a token relabelled as another type does not decrypt. Reversible with the
 * keyset: {@link #decrypt(String)}, or {@link StreamingRedactor#decrypting} over a whole text.
 */
public final class DeterministicEncryption implements RedactionOperator {
    /** Longest token payload {@link #decrypt} recognises (values up to about 12 KB of UTF-8). */
    static final int MAX_PAYLOAD = 16_384;
    static final Pattern TOKEN = Pattern.compile("<([A-Z][A-Z0-9_]{0,39}+):([A-Za-z0-9_-]{8," + MAX_PAYLOAD + "}+)>");

    private final EncryptionKeyset keyset;

    DeterministicEncryption(EncryptionKeyset keyset) {
        this.keyset = keyset;
    }

    @Override
    public String apply(EntityType type, String value) {
        return "<" + type.name() + ":" + token(value, ad(type)) + ">";
    }

    /**
     * The bare token of {@code value}: base64url (no padding) of its AES-SIV ciphertext under the primary key, bound
     * to {@code context} (associated data: a token made under one context does not decrypt under another). For table
     * columns, where there is no entity type and no {@code <TYPE:…>} wrapper.
     */
    public String token(String value, byte[] context) {
        try {
            byte[] ct = keyset.aead().encryptDeterministically(value.getBytes(StandardCharsets.UTF_8), context);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-SIV encryption failed", e);
        }
    }

    /** The value behind a bare {@link #token} made under {@code context} with any key of the keyset, or empty. */
    public Optional<String> untoken(String token, byte[] context) {
        if (token.length() > MAX_PAYLOAD) return Optional.empty();
        try {
            byte[] pt = keyset.aead().decryptDeterministically(Base64.getUrlDecoder().decode(token), context);
            return Optional.of(new String(pt, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The original value behind a token this operator made with any key of the keyset, or empty. */
    public Optional<String> decrypt(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) return Optional.empty();
        EntityType type;
        try {
            type = EntityType.valueOf(m.group(1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return untoken(m.group(2), ad(type));
    }

    private static byte[] ad(EntityType type) {
        return type.name().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "DeterministicEncryption[***]";
    }
}
