package dev.bulwark.data.pseudo;

import java.util.Locale;

/** How one column is pseudonymized. All three are keyed and deterministic: same value and key, same output. */
public enum Method {
    /** HMAC-SHA256, 64 hex digits: one-way; joins and counts still work, nothing can be turned back. */
    HMAC(false),
    /** Tink deterministic AEAD (AES-256-SIV), base64url: reversible with the keyset ({@code data reidentify}). */
    TOKEN(true),
    /** FF1 format-preserving encryption over the digits; separators stay: reversible with the keyset. */
    FPE(true);

    private final boolean reversible;

    Method(boolean reversible) {
        this.reversible = reversible;
    }

    public boolean reversible() {
        return reversible;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
