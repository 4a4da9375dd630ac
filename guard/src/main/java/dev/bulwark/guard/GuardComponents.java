package dev.bulwark.guard;

import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.AuditSink;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.RateLimiter;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The protections a gateway runs, built from its config by their own packages and handed to {@link Guard#start}.
 * The gateway owns them from then on: closing it closes the limiter, the monitor and the audit sink.
 *
 * @param adapters      the adapter speaking each upstream flavor
 * @param auditText     turns prompt and reply text into what the audit keeps (salted hash, redacted text or raw)
 * @param workerThreads threads for CPU-heavy filtering off the event loop (input/output filters, audit text);
 *                      0 or less: one per core, at least two
 */
public record GuardComponents(AccessControl access, RateLimiter limiter, InputFilter input, OutputFilter output,
                              AuditSink audit, ExtractionMonitor monitor,
                              Function<Upstream.Flavor, UpstreamAdapter> adapters, UnaryOperator<String> auditText,
                              int workerThreads) {
    public GuardComponents {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(adapters, "adapters");
        Objects.requireNonNull(auditText, "auditText");
    }

    /** The worker pool size to use. */
    public int workerPoolSize() {
        return workerThreads > 0 ? workerThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
