package dev.bulwark.guard.pipeline;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Watches each client's traffic over a window for model extraction and abuse: volume, distinct-prompt ratio,
 * boundary probing. Alerts go to the log and the webhook from inside the monitor. Never blocks the calling thread.
 */
public interface ExtractionMonitor extends AutoCloseable {
    /** {@code promptText} null (a request without a prompt, e.g. {@code /v1/models}) counts for volume only. */
    CompletionStage<MonitorVerdict> observe(Caller caller, String promptText, Instant now);

    @Override
    void close();

    /** {@code level} NONE lets the request through untouched; THROTTLE delays it by {@code delayMillis}. */
    record MonitorVerdict(Level level, String reason, long delayMillis) {
        public static final MonitorVerdict NONE = new MonitorVerdict(Level.NONE, "", 0);
    }

    enum Level { NONE, ALERT, THROTTLE, BLOCK }
}
