package dev.bulwark.data.keys;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Keyset} file is for, and the Tink keysets (parts) it therefore holds; {@link Keyset#rotate} adds a
 * fresh primary key to every part.
 */
public enum KeyPurpose {
    /**
     * {@code data pseudonymize}: {@code token} (AES-256-SIV deterministic AEAD, reversible tokens) and {@code derive}
     * (HMAC-SHA256 PRF, from which the HMAC and FF1 keys are derived).
     */
    PSEUDONYMIZE(ordered(Keyset.TOKEN, PredefinedDeterministicAeadParameters.AES256_SIV,
            Keyset.DERIVE, PredefinedPrfParameters.HMAC_SHA256_PRF)),
    /** {@code encrypt} / {@code decrypt}: {@code stream} (AES-256-GCM-HKDF streaming AEAD, 1 MB segments). */
    FILES(ordered(Keyset.STREAM, PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB));

    private final Map<String, Parameters> parts;

    private static Map<String, Parameters> ordered(Object... nameThenParameters) {
        var map = new LinkedHashMap<String, Parameters>();
        for (int i = 0; i < nameThenParameters.length; i += 2) {
            map.put((String) nameThenParameters[i], (Parameters) nameThenParameters[i + 1]);
        }
        return map;
    }

    KeyPurpose(Map<String, Parameters> parts) {
        this.parts = parts;
    }

    /** Part name → the Tink parameters of the keys it holds. */
    Map<String, Parameters> parts() {
        return parts;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static KeyPurpose ofLabel(String label) {
        for (KeyPurpose p : values()) if (p.label().equals(label)) return p;
        return null;
    }
}
