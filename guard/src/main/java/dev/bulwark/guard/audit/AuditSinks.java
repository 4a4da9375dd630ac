package dev.bulwark.guard.audit;

import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import java.nio.file.Path;
import java.util.List;

/** Builds the audit sink(s) {@code guard.yaml} asks for: a JSONL file, a PostgreSQL store, or both. */
public final class AuditSinks {
    /** Instance id when the configuration names none. */
    static final String DEFAULT_INSTANCE = "guard";

    private AuditSinks() {
    }

    /** Opens every store the configuration names (blocking: at start-up). */
    public static AuditSink open(AuditConfig config) {
        if (config.path() == null && config.postgresUrl() == null) {
            throw new IllegalArgumentException("audit: neither path nor postgresUrl is set");
        }
        if (config.postgresUrl() == null) return ChainedAuditSink.jsonl(config);
        if (config.path() == null) return ChainedAuditSink.postgres(config);
        ChainedAuditSink file = ChainedAuditSink.jsonl(config);
        try {
            return new Both(List.of(file, ChainedAuditSink.postgres(config)));
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * The signing key file: {@code audit.signingKey}, else {@value AuditKeys#DEFAULT_FILE_NAME} next to the log
     * (or in the working directory when only PostgreSQL is used).
     */
    public static Path signingKeyFile(AuditConfig config) {
        if (config.signingKey() != null) return config.signingKey();
        return config.path() == null ? Path.of(AuditKeys.DEFAULT_FILE_NAME)
                : config.path().toAbsolutePath().resolveSibling(AuditKeys.DEFAULT_FILE_NAME);
    }

    static AuditKeys keys(AuditConfig config) {
        return AuditKeys.loadOrCreate(signingKeyFile(config));
    }

    static String instanceId(AuditConfig config) {
        String id = config.instanceId();
        return id == null || id.isBlank() ? DEFAULT_INSTANCE : id;
    }

    /** Writes to a file and a database at once, each its own chain. */
    private record Both(List<AuditSink> sinks) implements AuditSink {
        @Override
        public void append(AuditEvent event) {
            for (AuditSink s : sinks) s.append(event);
        }

        @Override
        public void close() {
            for (AuditSink s : sinks) s.close();
        }
    }
}
