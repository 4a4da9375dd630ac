package dev.bulwark.guard.audit;

import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The audit log in one store: a JSONL file (one instance per file) or a PostgreSQL table shared by several gateway
 * instances (one chain per instance id; give each instance its own). {@link #append} never blocks: a full queue
 * drops the event and the chain gets a {@code gap} record counting it. Opening blocks (file lock or migrations,
 * then the tail check): do it at start-up.
 */
public final class ChainedAuditSink implements AuditSink {
    private final AuditWriter writer;

    private ChainedAuditSink(AuditWriter writer) {
        this.writer = writer;
    }

    /** Opens (or creates) {@code config.path()}, continuing this instance's chain. */
    public static ChainedAuditSink jsonl(AuditConfig config) {
        Objects.requireNonNull(config.path(), "audit.path");
        return jsonl(config.path(), config.rotation(), AuditSinks.instanceId(config), AuditSinks.keys(config),
                config.checkpointEvery(), AuditWriter.DEFAULT_QUEUE_CAPACITY);
    }

    static ChainedAuditSink jsonl(Path file, String instance, AuditKeys keys, int checkpointEvery, int queueCapacity) {
        return jsonl(file, AuditConfig.Rotation.NEVER, instance, keys, checkpointEvery, queueCapacity);
    }

    static ChainedAuditSink jsonl(Path file, AuditConfig.Rotation rotation, String instance, AuditKeys keys,
                                  int checkpointEvery, int queueCapacity) {
        return new ChainedAuditSink(new AuditWriter(new JsonlStore(file, rotation), instance, keys, checkpointEvery,
                queueCapacity));
    }

    /** Connects to {@code config.postgresUrl()}, creating the schema when missing; each batch is one transaction. */
    public static ChainedAuditSink postgres(AuditConfig config) {
        Objects.requireNonNull(config.postgresUrl(), "audit.postgresUrl");
        return postgres(config.postgresUrl(), AuditSinks.instanceId(config), AuditSinks.keys(config),
                config.checkpointEvery(), AuditWriter.DEFAULT_QUEUE_CAPACITY);
    }

    static ChainedAuditSink postgres(String jdbcUrl, String instance, AuditKeys keys, int checkpointEvery,
                                     int queueCapacity) {
        return new ChainedAuditSink(new AuditWriter(new PostgresStore(jdbcUrl), instance, keys, checkpointEvery,
                queueCapacity));
    }

    @Override
    public void append(AuditEvent event) {
        writer.append(event);
    }

    /** Events dropped since start (queue full), each run of them recorded in a gap record. */
    public long dropped() {
        return writer.dropped();
    }

    @Override
    public void close() {
        writer.close();
    }
}
