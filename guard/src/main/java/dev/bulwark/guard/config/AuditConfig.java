package dev.bulwark.guard.config;

import java.nio.file.Path;

/**
 * @param path            JSONL file, one record per request (null when only PostgreSQL is used)
 * @param postgresUrl     JDBC URL of a shared PostgreSQL audit store (several instances), or null
 * @param signingKey      Ed25519 private key (PKCS#8 PEM) for checkpoints; created next to the log when missing
 * @param checkpointEvery a signed checkpoint after this many records (and on shutdown)
 * @param text            how prompts and replies are kept: salted hashes (default), redacted text, or raw
 * @param instanceId      names this instance's chain when several write to one store (default: host name + port)
 */
public record AuditConfig(Path path, String postgresUrl, Path signingKey, int checkpointEvery, TextMode text,
                          String instanceId) {
    public enum TextMode { HASH, REDACTED, RAW }
}
