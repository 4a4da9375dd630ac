package dev.bulwark.guard.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * @param path            JSONL file, one record per request (null when only PostgreSQL is used)
 * @param postgresUrl     JDBC URL of a shared PostgreSQL audit store (several instances), or null
 * @param signingKey      Ed25519 private key (PKCS#8 PEM) for checkpoints; created next to the log when missing
 * @param checkpointEvery a signed checkpoint after this many records (and on shutdown)
 * @param text            how prompts and replies are kept: salted hashes (default), redacted text, or raw
 * @param instanceId      names this instance's chain when several write to one store (default: host name + port)
 * @param rotation        when the JSONL file moves aside for a new one, and how many such files stay
 * @param anchorWebhook   where each signed checkpoint's anchor is posted once durable (another system), or null
 */
public record AuditConfig(Path path, String postgresUrl, Path signingKey, int checkpointEvery, TextMode text,
                          String instanceId, Rotation rotation, URI anchorWebhook) {
    public enum TextMode { HASH, REDACTED, RAW }

    /** A log that is never rotated. */
    public AuditConfig(Path path, String postgresUrl, Path signingKey, int checkpointEvery, TextMode text,
                       String instanceId) {
        this(path, postgresUrl, signingKey, checkpointEvery, text, instanceId, Rotation.NEVER, null);
    }

    public AuditConfig {
        if (rotation == null) rotation = Rotation.NEVER;
    }

    /**
     * @param maxBytes  the JSONL file is closed with a signed checkpoint and renamed once it reaches this size; the
     *                  chain continues in a new file (0: never)
     * @param keepFiles how many rotated files to keep, the oldest deleted first (0: all)
     * @param daily     also rotate when the UTC day changes, so that {@code keepFiles} counts days
     */
    public record Rotation(long maxBytes, int keepFiles, boolean daily) {
        public static final Rotation NEVER = new Rotation(0, 0, false);

        /** By size only. */
        public Rotation(long maxBytes, int keepFiles) {
            this(maxBytes, keepFiles, false);
        }

        public boolean on() {
            return maxBytes > 0 || daily;
        }
    }
}
