package dev.bulwark.guard.monitor;

/**
 * Where extraction alerts go. {@link #accept} is called on the request path, so it must return at once: a sink
 * that does I/O queues the alert (bounded) and sends it elsewhere.
 */
public interface AlertSink extends AutoCloseable {
    void accept(ExtractionAlert alert);

    @Override
    default void close() {
    }
}
