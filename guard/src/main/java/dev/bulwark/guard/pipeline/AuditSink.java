package dev.bulwark.guard.pipeline;

/**
 * The tamper-evident audit log: each record carries the hash of the one before (per instance chain), and signed
 * checkpoints are written periodically and on close. {@code append} must not block the event loop (queue and write
 * on a worker); {@code close} flushes, writes a final checkpoint and waits for it.
 */
public interface AuditSink extends AutoCloseable {
    void append(AuditEvent event);

    @Override
    void close();
}
