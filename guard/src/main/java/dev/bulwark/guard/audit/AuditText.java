package dev.bulwark.guard.audit;

import dev.bulwark.detect.Redactor;
import dev.bulwark.guard.config.AuditConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a prompt or reply into what the audit log keeps: {@code HASH} (the default) an HMAC-SHA256 with a
 * per-deployment secret, {@code hmac-sha256:<hex>}, so equal prompts correlate without the text being kept or
 * guessable from a dictionary without the secret; {@code REDACTED} the text with personal data and secrets replaced
 * by {@code <TYPE>} tags; {@code RAW} the text itself. Thread-safe.
 */
public final class AuditText implements UnaryOperator<String> {
    /** File name of the HMAC secret, next to the signing key. */
    public static final String SECRET_FILE_NAME = "audit-text-hmac.key";
    private static final int SECRET_BYTES = 32;

    private final UnaryOperator<String> keep;

    private AuditText(UnaryOperator<String> keep) {
        this.keep = keep;
    }

    /** @param secret the HMAC key for {@code HASH} (at least 16 bytes); unused by the other modes */
    public static AuditText of(AuditConfig.TextMode mode, byte[] secret) {
        return switch (mode) {
            case HASH -> new AuditText(hmac(secret));
            case REDACTED -> new AuditText(Redactor.standard()::redact);
            case RAW -> new AuditText(UnaryOperator.identity());
        };
    }

    /** The text mode the configuration asks for, with the deployment's secret (created when missing). */
    public static AuditText of(AuditConfig config) {
        AuditConfig.TextMode mode = config.text() == null ? AuditConfig.TextMode.HASH : config.text();
        return of(mode, mode == AuditConfig.TextMode.HASH ? loadOrCreateSecret(secretFile(config)) : new byte[0]);
    }

    /** What the log keeps of {@code text}; null stays null. */
    @Override
    public String apply(String text) {
        return text == null ? null : keep.apply(text);
    }

    public static Path secretFile(AuditConfig config) {
        return AuditSinks.signingKeyFile(config).toAbsolutePath().resolveSibling(SECRET_FILE_NAME);
    }

    /** Reads the hex secret in {@code file}, or creates one (mode 600) when the file is missing. */
    public static byte[] loadOrCreateSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[SECRET_BYTES];
                new SecureRandom().nextBytes(secret);
                if (PrivateFiles.createNew(file, (HexFormat.of().formatHex(secret) + "\n")
                        .getBytes(StandardCharsets.US_ASCII))) {
                    return secret;
                }
            }
            if (Files.size(file) > 1024) throw new AuditStoreException(file + ": too large for an audit text secret");
            byte[] secret = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (secret.length < 16) throw new AuditStoreException(file + ": the audit text secret is too short");
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new AuditStoreException(file + ": cannot read or create the audit text secret", e);
        }
    }

    private static UnaryOperator<String> hmac(byte[] secret) {
        if (secret == null || secret.length < 16) throw new IllegalArgumentException("HMAC secret under 16 bytes");
        Mac prototype;
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
        return text -> {
            try {
                Mac mac = (Mac) prototype.clone(); // Mac is not thread-safe; a clone keeps the initialised key
                return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public String toString() {
        return "AuditText";
    }
}
