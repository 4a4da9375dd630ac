package dev.bulwark.guard.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

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
    private static final int MAX_PEM_BYTES = 16 * 1024;

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
                if (PrivateFiles.createNew(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()))) {
                    Files.write(pubFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                    return new AuditKeys(pair.getPrivate(), pair.getPublic());
                }
            }
            PrivateKey priv = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(unpem(privateKeyFile, "PRIVATE KEY")));
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
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AuditStoreException(privateKeyFile + ": not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /** The public key file next to a private key file: {@code <name>.pub}. */
    public static Path publicKeyFile(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    /** Reads an Ed25519 public key (X.509 PEM). */
    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(pemFile, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pemFile + ": not an Ed25519 public key in X.509 PEM (" + e.getMessage() + ")", e);
        }
    }

    public static String keyId(PublicKey key) {
        return "ed25519:" + HexFormat.of().formatHex(Hashes.digest(key.getEncoded()), 0, 8);
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

    static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(Path file, String label) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        if (Files.size(file) > MAX_PEM_BYTES) throw new IOException(file + ": too large for a PEM key");
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) throw new IOException(file + ": no '" + begin + "' block");
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    @Override
    public String toString() {
        return "AuditKeys[" + keyId + "]";
    }
}
