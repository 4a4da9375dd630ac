package dev.bulwark.core.integrity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code FILE.sig.json} sidecar: a file's name, size and SHA-256, the key id and time of signing, and an Ed25519
 * signature over all of them. What is signed is not the JSON text but a canonical form (each field length-prefixed
 * on its own line, see {@link #signedBytes}), so the sidecar may be re-indented without breaking it. The file is
 * hashed in a streaming pass: any size, constant memory.
 *
 * <pre>{"format":"bulwark-signed-file/1","file":"model.safetensors","size":1234,"sha256":"…",
 *  "keyId":"ed25519:…","signedAt":"2025-01-01T00:00:00Z","signature":"base64…"}</pre>
 */
@JsonPropertyOrder({"format", "file", "size", "sha256", "keyId", "signedAt", "signature"})
public record SignedFile(String format, String file, long size, String sha256, String keyId, String signedAt,
                         String signature) {
    public static final String FORMAT = "bulwark-signed-file/1";
    /** Appended to the signed file's name to name its sidecar. */
    public static final String SUFFIX = ".sig.json";
    private static final int MAX_SIDECAR_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** {@code FILE.sig.json} next to {@code file}. */
    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** Hashes {@code file} and signs its name, size and SHA-256 with {@code key} (whose public half is {@code pub}). */
    public static SignedFile sign(Path file, PrivateKey key, PublicKey pub) {
        Digest d = digest(file);
        var unsigned = new SignedFile(FORMAT, file.getFileName().toString(), d.size(), d.sha256(), Ed25519Keys.keyId(pub),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null);
        try {
            Signature s = Signature.getInstance(Ed25519Keys.ALGORITHM);
            s.initSign(key);
            s.update(unsigned.signedBytes());
            return unsigned.withSignature(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IntegrityException(file + ": cannot sign with this key (" + e.getMessage() + ")");
        }
    }

    /** Signs {@code file} and writes the sidecar next to it (replacing an older one in one step). */
    public static SignedFile signAndWrite(Path file, PrivateKey key, PublicKey pub) {
        SignedFile signed = sign(file, key, pub);
        Path sidecar = sidecarOf(file);
        Path tmp = sidecar.resolveSibling("." + sidecar.getFileName() + ".part");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(signed));
            try {
                Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, sidecar, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IntegrityException(sidecar + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
        return signed;
    }

    /** Reads a sidecar; {@link IntegrityException} when it is not one. */
    public static SignedFile read(Path sidecar) {
        SignedFile s;
        try (InputStream in = Files.newInputStream(sidecar)) {
            byte[] bytes = in.readNBytes(MAX_SIDECAR_BYTES + 1);
            if (bytes.length > MAX_SIDECAR_BYTES) throw new IntegrityException(sidecar + ": too large for a signature sidecar");
            s = JSON.readValue(bytes, SignedFile.class);
        } catch (NoSuchFileException e) {
            throw new IntegrityException(sidecar + ": no such file");
        } catch (IOException e) {
            throw new IntegrityException(sidecar + ": not a signature sidecar (invalid JSON)");
        }
        if (s == null || !FORMAT.equals(s.format()) || s.file() == null || s.sha256() == null || s.keyId() == null
                || s.signedAt() == null || s.signature() == null) {
            throw new IntegrityException(sidecar + ": not a " + FORMAT + " sidecar (format or fields missing)");
        }
        return s;
    }

    /** Checks {@code file} against its sidecar next to it, trusting {@code key} only. */
    public static Verification verify(Path file, PublicKey key) {
        if (!Files.isRegularFile(file)) throw new IntegrityException(file + ": no such file");
        Path sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return new Verification(Verification.Status.UNSIGNED, file.getFileName() + ": unsigned (no " + sidecar.getFileName() + ")");
        }
        return read(sidecar).check(file, key);
    }

    /** Checks {@code file} against this sidecar, trusting {@code key} only. */
    public Verification check(Path file, PublicKey key) {
        String name = file.getFileName().toString();
        String trusted = Ed25519Keys.keyId(key);
        if (!trusted.equals(keyId)) {
            return new Verification(Verification.Status.WRONG_KEY, name + ": signed by " + keyId + ", not by the trusted key " + trusted);
        }
        if (!verifySignature(key)) {
            return new Verification(Verification.Status.BAD_SIGNATURE, name + ": the signature in the sidecar does not verify (the sidecar was edited or forged)");
        }
        if (!name.equals(this.file)) {
            return new Verification(Verification.Status.NAME_MISMATCH, name + ": the sidecar signs another file, '" + this.file + "'");
        }
        Digest d = digest(file);
        if (d.size() != size || !d.sha256().equalsIgnoreCase(sha256)) {
            return new Verification(Verification.Status.CONTENT_MISMATCH, name + ": changed since it was signed (size "
                    + d.size() + " vs " + size + ", sha256 " + d.sha256() + " vs " + sha256 + ")");
        }
        return new Verification(Verification.Status.VERIFIED, name + ": verified (sha256 " + sha256 + ", signed by "
                + keyId + " at " + signedAt + ")");
    }

    private boolean verifySignature(PublicKey key) {
        try {
            Signature s = Signature.getInstance(Ed25519Keys.ALGORITHM);
            s.initVerify(key);
            s.update(signedBytes());
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The canonical bytes the signature covers: the format line, then each field as {@code length:value\n}. */
    byte[] signedBytes() {
        var out = new StringBuilder(FORMAT).append('\n');
        for (String field : new String[]{file, Long.toString(size), sha256.toLowerCase(Locale.ROOT), keyId, signedAt}) {
            out.append(field.length()).append(':').append(field).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private SignedFile withSignature(String sig) {
        return new SignedFile(format, file, size, sha256, keyId, signedAt, sig);
    }

    private record Digest(long size, String sha256) {
    }

    private static Digest digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; size += n) md.update(buf, 0, n);
            return new Digest(size, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchFileException e) {
            throw new IntegrityException(file + ": no such file");
        } catch (IOException e) {
            throw new IntegrityException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
