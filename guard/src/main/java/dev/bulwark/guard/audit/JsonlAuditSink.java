package dev.bulwark.guard.audit;

import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The audit log as a JSONL file (one instance per file). {@link #append} never blocks: a full queue drops the event
 * and the chain gets a {@code gap} record counting it. Opening blocks (file lock, tail check): do it at start-up.
 */
public final class JsonlAuditSink implements AuditSink {
    private final AuditWriter writer;

    private JsonlAuditSink(AuditWriter writer) {
        this.writer = writer;
    }

    /** Opens (or creates) {@code config.path()}, continuing this instance's chain. */
    public static JsonlAuditSink open(AuditConfig config) {
        Objects.requireNonNull(config.path(), "audit.path");
        return open(config.path(), AuditSinks.instanceId(config), AuditSinks.keys(config), config.checkpointEvery(),
                AuditWriter.DEFAULT_QUEUE_CAPACITY);
    }

    static JsonlAuditSink open(Path file, String instance, AuditKeys keys, int checkpointEvery, int queueCapacity) {
        return new JsonlAuditSink(new AuditWriter(new JsonlStore(file), instance, keys, checkpointEvery,
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
