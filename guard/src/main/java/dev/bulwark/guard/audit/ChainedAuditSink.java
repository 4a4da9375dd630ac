package dev.bulwark.guard.audit;

import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The audit log in one store: a JSONL file (one instance per file) or a PostgreSQL table shared by several gateway
 * instances (one chain per instance id; give each instance its own). {@link #append} never blocks: a full queue
 * drops the event and the chain gets a {@code gap} record counting it. Opening blocks (file lock or migrations,
 * then the tail check): do it at start-up.
 */
public final class ChainedAuditSink implements AuditSink {
    private final AuditWriter writer;
    private final AutoCloseable anchors;

    private ChainedAuditSink(AuditWriter writer, AutoCloseable anchors) {
        this.writer = writer;
        this.anchors = anchors;
    }

    /** Builds the writer with the anchor webhook the configuration names (if any); closes it if the writer fails. */
    private static ChainedAuditSink build(URI anchorWebhook, String store,
                                          Function<Consumer<ChainLine>, AuditWriter> writer) {
        if (anchorWebhook == null) return new ChainedAuditSink(writer.apply(line -> { }), () -> { });
        AnchorWebhook anchors = new AnchorWebhook(anchorWebhook, store);
        try {
            return new ChainedAuditSink(writer.apply(anchors), anchors);
        } catch (RuntimeException e) {
            anchors.close();
            throw e;
        }
    }

    /** Opens (or creates) {@code config.path()}, continuing this instance's chain. */
    public static ChainedAuditSink jsonl(AuditConfig config) {
        Objects.requireNonNull(config.path(), "audit.path");
        AuditKeys keys = AuditSinks.keys(config);
        String instance = AuditSinks.instanceId(config);
        return build(config.anchorWebhook(), config.path().getFileName().toString(), synced -> new AuditWriter(
                new JsonlStore(config.path(), config.rotation()), instance, keys, config.checkpointEvery(),
                AuditWriter.DEFAULT_QUEUE_CAPACITY, synced));
    }

    static ChainedAuditSink jsonl(Path file, String instance, AuditKeys keys, int checkpointEvery, int queueCapacity) {
        return jsonl(file, AuditConfig.Rotation.NEVER, instance, keys, checkpointEvery, queueCapacity);
    }

    /** Over a store made by the caller (a file with a test clock). */
    static ChainedAuditSink over(RecordStore store, String instance, AuditKeys keys, int checkpointEvery) {
        return new ChainedAuditSink(new AuditWriter(store, instance, keys, checkpointEvery,
                AuditWriter.DEFAULT_QUEUE_CAPACITY), () -> { });
    }

    static ChainedAuditSink jsonl(Path file, AuditConfig.Rotation rotation, String instance, AuditKeys keys,
                                  int checkpointEvery, int queueCapacity) {
        return new ChainedAuditSink(new AuditWriter(new JsonlStore(file, rotation), instance, keys, checkpointEvery,
                queueCapacity), () -> { });
    }

    /** Connects to {@code config.postgresUrl()}, creating the schema when missing; each batch is one transaction. */
    public static ChainedAuditSink postgres(AuditConfig config) {
        Objects.requireNonNull(config.postgresUrl(), "audit.postgresUrl");
        AuditKeys keys = AuditSinks.keys(config);
        String instance = AuditSinks.instanceId(config);
        return build(config.anchorWebhook(), "postgresql", synced -> new AuditWriter(
                new PostgresStore(config.postgresUrl()), instance, keys, config.checkpointEvery(),
                AuditWriter.DEFAULT_QUEUE_CAPACITY, synced));
    }

    static ChainedAuditSink postgres(String jdbcUrl, String instance, AuditKeys keys, int checkpointEvery,
                                     int queueCapacity) {
        return new ChainedAuditSink(new AuditWriter(new PostgresStore(jdbcUrl), instance, keys, checkpointEvery,
                queueCapacity), () -> { });
    }

    @Override
    public void append(AuditEvent event) {
        writer.append(event);
    }

    /** Events dropped since start (queue full), each run of them recorded in a gap record. */
    public long dropped() {
        return writer.dropped();
    }

    /** Drains the queue and writes the final checkpoint, then lets its anchor go out (a few seconds at most). */
    @Override
    public void close() {
        writer.close();
        try {
            anchors.close();
        } catch (Exception e) {
            // the anchors are in the log's checkpoints all the same
        }
    }
}
