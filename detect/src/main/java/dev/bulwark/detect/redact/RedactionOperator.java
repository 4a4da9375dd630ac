package dev.bulwark.detect.redact;

import dev.bulwark.detect.EntityType;

/**
 * What replaces one detected value. Every operator is immutable and thread-safe; the keyed ones hold key material
 * and never print it ({@code toString} names the operator only). See {@code docs/redaction.md} for the output of
 * each.
 */
public sealed interface RedactionOperator
        permits Replace, Mask, KeyedHash, DeterministicEncryption, FormatPreservingEncryption {

    /** The text that takes the place of {@code value}, a detected entity of {@code type}. */
    String apply(EntityType type, String value);

    /** {@code <EMAIL>}: the type tag only (the default). */
    static RedactionOperator replace() {
        return Replace.INSTANCE;
    }

    /** Keeps a few characters a reader can recognise, chosen per type ({@code j***@example.com}). */
    static RedactionOperator mask() {
        return Mask.INSTANCE;
    }

    /** {@code <EMAIL:1f0c…>}: a keyed HMAC-SHA256, the same for the same value and key, so joins still work. */
    static RedactionOperator hash(RedactionKey key) {
        return new KeyedHash(key);
    }

    /** {@code <EMAIL:base64url>}: reversible Tink AES-SIV tokens; see {@link DeterministicEncryption#decrypt}. */
    static RedactionOperator encrypt(EncryptionKeyset keyset) {
        return new DeterministicEncryption(keyset);
    }

    /** FF1 over the digits: a card stays a Luhn-valid card, a phone stays a phone; other values get the tag. */
    static RedactionOperator fpe(RedactionKey key) {
        return new FormatPreservingEncryption(key);
    }
}
