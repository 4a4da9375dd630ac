package dev.bulwark.core.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys in PEM: the private key as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, created with mode 600), the
 * public key as X.509 ({@code -----BEGIN PUBLIC KEY-----}) in {@code <private>.pub} — what {@code openssl genpkey
 * -algorithm ed25519} and the gateway's audit keys use. The key id is {@code ed25519:} + the first 16 hex digits of
 * the SHA-256 of the public key's X.509 encoding. Errors are {@link IntegrityException}s naming the file, never
 * the key.
 */
public final class Ed25519Keys {
    static final String ALGORITHM = "Ed25519";
    private static final int MAX_PEM_BYTES = 16 * 1024;

    private Ed25519Keys() {
    }

    /**
     * Creates a new key pair: the private key in {@code privateFile} (owner read/write only; an existing file is
     * never overwritten) and the public key in {@link #publicKeyFile}. Returns the public key.
     */
    public static PublicKey create(Path privateFile) {
        Path pubFile = publicKeyFile(privateFile);
        if (Files.exists(pubFile)) throw new IntegrityException(pubFile + ": already exists; refusing to overwrite a key");
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
        try {
            try {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(privateFile);
            }
            Files.write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.write(pubFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (FileAlreadyExistsException e) {
            throw new IntegrityException(privateFile + ": already exists; refusing to overwrite a key");
        } catch (IOException e) {
            throw new IntegrityException(privateFile + ": cannot write the key pair (" + e.getClass().getSimpleName()
                    + ")");
        }
        return pair.getPublic();
    }

    /** {@code <private>.pub}: where {@link #create} puts the public key. */
    public static Path publicKeyFile(Path privateFile) {
        return privateFile.resolveSibling(privateFile.getFileName() + ".pub");
    }

    public static PrivateKey readPrivate(Path pemFile) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(pemFile, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IntegrityException(pemFile + ": not an Ed25519 private key in PKCS#8 PEM");
        }
    }

    public static PublicKey readPublic(Path pemFile) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(pemFile, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IntegrityException(pemFile + ": not an Ed25519 public key in X.509 PEM");
        }
    }

    /** {@code ed25519:} + 16 hex digits of the SHA-256 of the X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** {@code der} as a PEM block with {@code label} (e.g. {@code PRIVATE KEY}), lines of 64 characters. */
    public static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(Path file, String label) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
            if (bytes.length > MAX_PEM_BYTES) throw new IntegrityException(file + ": too large for a PEM key");
            text = new String(bytes, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IntegrityException(file + ": no such key file");
        } catch (IOException e) {
            throw new IntegrityException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) throw new IntegrityException(file + ": no '" + begin + "' block");
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
