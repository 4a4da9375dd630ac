package dev.bulwark.data.pseudo;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;
import dev.bulwark.data.keys.KeyPurpose;
import dev.bulwark.data.keys.Keyset;
import dev.bulwark.data.table.DataInputException;
import dev.bulwark.detect.redact.DeterministicEncryption;
import dev.bulwark.detect.redact.EncryptionKeyset;
import dev.bulwark.detect.redact.FormatPreservingEncryption;
import dev.bulwark.detect.redact.KeyedHash;
import dev.bulwark.detect.redact.RedactionKey;
import dev.bulwark.detect.redact.RedactionOperator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * The operators of a pseudonymize keyset, built from detect's redaction machinery: tokens are detect's
 * {@link DeterministicEncryption} over the {@code token} part; HMAC and FF1 are detect's {@link KeyedHash} and
 * {@link FormatPreservingEncryption} under a {@link RedactionKey} whose 32 bytes are the output of one key of the
 * {@code derive} PRF part (detect derives its own separate sub-keys for hash and FF1 from it). Tokens carry the id
 * of the key that made them, so any key of the keyset reverses them; HMAC and FF1 outputs carry none, so they use
 * the PRF primary unless a key id is given.
 */
public final class PseudonymKeys {
    /** Associated data of column tokens and tweak of column FF1, so they never mix with {@code redact}'s. */
    static final byte[] CONTEXT = "bulwark/data/pseudonymize".getBytes(StandardCharsets.US_ASCII);

    private final Keyset keyset;
    private final DeterministicEncryption tokens;
    private final Map<Integer, Prf> prfs;
    private final int primaryPrf;

    private PseudonymKeys(Keyset keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.tokens = (DeterministicEncryption) RedactionOperator.encrypt(EncryptionKeyset.of(keyset.part("token")));
        PrfSet set = keyset.part("derive").getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        this.prfs = set.getPrfs();
        this.primaryPrf = set.getPrimaryId();
    }

    /** The operators of {@code keyset}, which must be a {@link KeyPurpose#PSEUDONYMIZE} keyset. */
    public static PseudonymKeys of(Keyset keyset) {
        if (keyset.purpose() != KeyPurpose.PSEUDONYMIZE) {
            throw new DataInputException("keyset " + keyset.id() + " is a " + keyset.purpose().label()
                    + " keyset; pseudonymize needs one made with: bulwark keys create FILE");
        }
        try {
            return new PseudonymKeys(keyset);
        } catch (GeneralSecurityException e) {
            throw new DataInputException("keyset " + keyset.id() + ": its keys cannot be used (" + e.getClass().getSimpleName() + ")");
        }
    }

    public Keyset keyset() {
        return keyset;
    }

    DeterministicEncryption tokens() {
        return tokens;
    }

    /** Id of the {@code derive} key HMAC and FF1 use by default (the primary). */
    public int primaryDeriveKey() {
        return primaryPrf;
    }

    KeyedHash hmac(int deriveKeyId) {
        return (KeyedHash) RedactionOperator.hash(redactionKey(deriveKeyId));
    }

    FormatPreservingEncryption fpe(int deriveKeyId) {
        return (FormatPreservingEncryption) RedactionOperator.fpe(redactionKey(deriveKeyId));
    }

    private RedactionKey redactionKey(int deriveKeyId) {
        Prf prf = prfs.get(deriveKeyId);
        if (prf == null) {
            throw new DataInputException("keyset " + keyset.id() + " has no derive key " + Integer.toUnsignedString(deriveKeyId)
                    + " (its keys: " + keyset.describe() + ")");
        }
        try {
            return RedactionKey.of(prf.compute(CONTEXT, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 PRF failed", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKeys[" + keyset.id() + ", ***]";
    }
}
