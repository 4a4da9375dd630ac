package dev.bulwark.detect.redact;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The keys behind the {@code encrypt} operator: a Tink keyset of AES-256-SIV keys in Tink's JSON keyset format,
 * unencrypted (protect the file like a password). New tokens use the primary key; every token carries the id of
 * the key that made it, so after {@link #rotate()} old tokens still decrypt while new ones use the new key.
 * {@code toString} never shows key material.
 */
public final class EncryptionKeyset {
    private static final int MAX_FILE_BYTES = 1 << 20;

    static {
        try {
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle handle;
    private final DeterministicAead aead;

    private EncryptionKeyset(KeysetHandle handle) throws GeneralSecurityException {
        this.handle = handle;
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
    }

    /**
     * The deterministic-AEAD keyset inside {@code handle} (for key files that hold more than this keyset, such as the
     * data module's pseudonymization keysets); a {@link GeneralSecurityException} when it holds no AES-SIV primary.
     */
    public static EncryptionKeyset of(KeysetHandle handle) throws GeneralSecurityException {
        return new EncryptionKeyset(handle);
    }

    /** A new keyset holding one fresh AES-256-SIV key. */
    public static EncryptionKeyset generate() {
        try {
            return new EncryptionKeyset(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an AES-SIV key", e);
        }
    }

    public static EncryptionKeyset read(Path file) {
        String json = KeyFiles.read(file, MAX_FILE_BYTES);
        if (json.contains(RedactionKey.HEADER)) {
            throw new KeyFileException(file, "is a bulwark redaction key (for hash and fpe); the encrypt operator "
                    + "takes a Tink keyset made with --new-key FILE --operator encrypt");
        }
        KeysetHandle handle;
        try {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // Tink's message may quote the file; it holds keys, so it is not repeated.
            throw new KeyFileException(file, "not a valid Tink JSON keyset");
        }
        try {
            return new EncryptionKeyset(handle);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException(file, "the keyset holds no deterministic AEAD (AES-SIV) primary key");
        }
    }

    /** This keyset plus a fresh AES-256-SIV key that becomes the primary; the old keys stay for decryption. */
    public EncryptionKeyset rotate() {
        try {
            var entry = KeysetHandle.generateEntryFromParameters(PredefinedDeterministicAeadParameters.AES256_SIV)
                    .withRandomId().makePrimary();
            return new EncryptionKeyset(KeysetHandle.newBuilder(handle).addEntry(entry).build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a key to the keyset", e);
        }
    }

    /** Writes the keyset to a new file (owner read/write only); an existing file is never overwritten. */
    public void write(Path file) {
        KeyFiles.writeNew(file, json());
    }

    /** Replaces an existing keyset file atomically (used after {@link #rotate()}). */
    public void overwrite(Path file) {
        KeyFiles.replace(file, json());
    }

    public int size() {
        return handle.size();
    }

    DeterministicAead aead() {
        return aead;
    }

    private String json() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialise the keyset", e);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKeyset[" + handle.size() + " keys, ***]";
    }
}
