package dev.bulwark.guard.config;

import java.nio.file.Path;

/**
 * @param path            JSONL file, one record per request (null when only PostgreSQL is used)
 * @param postgresUrl     JDBC URL of a shared PostgreSQL audit store (several instances), or null
 * @param signingKey      Ed25519 private key (PKCS#8 PEM) for checkpoints; created next to the log when missing
 * @param checkpointEvery a signed checkpoint after this many records (and on shutdown)
 * @param text            how prompts and replies are kept: salted hashes (default), redacted text, or raw
 * @param instanceId      names this instance's chain when several write to one store (default: host name + port)
 * @param rotation        when the JSONL file moves aside for a new one, and how many such files stay
 */
public record AuditConfig(Path path, String postgresUrl, Path signingKey, int checkpointEvery, TextMode text,
                          String instanceId, Rotation rotation) {
    public enum TextMode { HASH, REDACTED, RAW }

    /** A log that is never rotated. */
    public AuditConfig(Path path, String postgresUrl, Path signingKey, int checkpointEvery, TextMode text,
                       String instanceId) {
        this(path, postgresUrl, signingKey, checkpointEvery, text, instanceId, Rotation.NEVER);
    }

    public AuditConfig {
        if (rotation == null) rotation = Rotation.NEVER;
    }

    /**
     * @param maxBytes  the JSONL file is closed with a signed checkpoint and renamed once it reaches this size; the
     *                  chain continues in a new file (0: never)
     * @param keepFiles how many rotated files to keep, the oldest deleted first (0: all)
     */
    public record Rotation(long maxBytes, int keepFiles) {
        public static final Rotation NEVER = new Rotation(0, 0);
    }
}
