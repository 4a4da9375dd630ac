package dev.bulwark.guard.audit;

import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import java.util.Objects;

/**
 * The audit log in a PostgreSQL table shared by several gateway instances, one chain per instance id (give each
 * instance its own). Same queueing and chain rules as {@link JsonlAuditSink}; each batch is one transaction on the
 * writer thread. Opening blocks (migrations, tail check): do it at start-up.
 */
public final class PostgresAuditSink implements AuditSink {
    private final AuditWriter writer;

    private PostgresAuditSink(AuditWriter writer) {
        this.writer = writer;
    }

    /** Connects to {@code config.postgresUrl()}, creating the schema when missing. */
    public static PostgresAuditSink open(AuditConfig config) {
        Objects.requireNonNull(config.postgresUrl(), "audit.postgresUrl");
        return open(config.postgresUrl(), AuditSinks.instanceId(config), AuditSinks.keys(config),
                config.checkpointEvery(), AuditWriter.DEFAULT_QUEUE_CAPACITY);
    }

    static PostgresAuditSink open(String jdbcUrl, String instance, AuditKeys keys, int checkpointEvery,
                                  int queueCapacity) {
        return new PostgresAuditSink(new AuditWriter(new PostgresStore(jdbcUrl), instance, keys, checkpointEvery,
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
