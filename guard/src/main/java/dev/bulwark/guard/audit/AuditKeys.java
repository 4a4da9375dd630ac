package dev.bulwark.guard.audit;

import dev.bulwark.core.integrity.Ed25519Keys;
import dev.bulwark.core.integrity.IntegrityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The Ed25519 key pair that signs checkpoints (the JDK's own Ed25519, no extra provider). The private key is a
 * PKCS#8 PEM file, created with mode 600 when missing; the public key sits next to it as {@code <name>.pub}
 * (X.509 PEM) for verifiers. The key id is {@code ed25519:} + the first 16 hex digits of the SHA-256 of the
 * public key's X.509 encoding. {@link #toString} never shows key material.
 */
public final class AuditKeys {
    /** File name of the signing key when the configuration names none: next to the log. */
    public static final String DEFAULT_FILE_NAME = "audit-signing.pem";
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private AuditKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** Reads the key pair at {@code privateKeyFile} (and its {@code .pub}), creating both when the key is missing. */
    public static AuditKeys loadOrCreate(Path privateKeyFile) {
        Path pubFile = publicKeyFile(privateKeyFile);
        try {
            if (!Files.exists(privateKeyFile)) {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                if (PrivateFiles.createNew(privateKeyFile, Ed25519Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()))) {
                    Files.write(pubFile, Ed25519Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                    return new AuditKeys(pair.getPrivate(), pair.getPublic());
                }
            }
            PrivateKey priv = Ed25519Keys.readPrivate(privateKeyFile);
            if (!Files.exists(pubFile)) {
                // The JDK cannot derive an Ed25519 public key from the private one; verifiers need the file anyway.
                throw new AuditStoreException(pubFile + ": the public key of " + privateKeyFile + " is missing; "
                        + "restore it from a backup (verifiers need it), or move both away to start a new key");
            }
            AuditKeys keys = new AuditKeys(priv, readPublicKey(pubFile));
            if (!keys.matches()) {
                throw new AuditStoreException(pubFile + " is not the public key of " + privateKeyFile);
            }
            return keys;
        } catch (IOException e) {
            throw new AuditStoreException(privateKeyFile + ": cannot read or create the audit signing key: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new AuditStoreException(privateKeyFile + ": cannot create the audit signing key: " + e.getMessage(), e);
        } catch (IntegrityException e) {
            throw new AuditStoreException(e.getMessage(), e);
        }
    }

    /** The public key file next to a private key file: {@code <name>.pub}. */
    public static Path publicKeyFile(Path privateKeyFile) {
        return Ed25519Keys.publicKeyFile(privateKeyFile);
    }

    /** Reads an Ed25519 public key (X.509 PEM). */
    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        try {
            return Ed25519Keys.readPublic(pemFile);
        } catch (IntegrityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public static String keyId(PublicKey key) {
        return Ed25519Keys.keyId(key);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** Base64 Ed25519 signature of {@code data}. */
    String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, String base64Signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean matches() {
        byte[] probe = "bulwark audit key check".getBytes(StandardCharsets.US_ASCII);
        return verify(publicKey, probe, sign(probe));
    }

    @Override
    public String toString() {
        return "AuditKeys[" + keyId + "]";
    }
}
