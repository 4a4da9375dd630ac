package dev.bulwark.guard.proxy;

import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.RateLimiter;
import dev.bulwark.guard.pipeline.Route;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes an exchange exactly once, whatever its outcome: metrics (and, for a chat reply let through, its text to the
 * input filter, {@link InputFilter#replyReleased}) on the event loop, then on a worker the token
 * budgets settled with the real usage and one audit record (with the prompt and reply turned into what the audit
 * keeps: salted hash, redacted text or raw).
 */
final class ExchangeRecorder {
    private static final Logger LOG = Logger.getLogger(ExchangeRecorder.class.getName());

    private final AuditSink audit;
    private final RateLimiter limiter;
    private final UnaryOperator<String> auditText;
    private final GatewayMetrics metrics;
    private final WorkerExecutor workers;
    private final InFlight inFlight;
    private final InputFilter input;

    ExchangeRecorder(AuditSink audit, RateLimiter limiter, UnaryOperator<String> auditText, GatewayMetrics metrics,
                     WorkerExecutor workers, InFlight inFlight, InputFilter input) {
        this.audit = audit;
        this.limiter = limiter;
        this.auditText = auditText;
        this.metrics = metrics;
        this.workers = workers;
        this.inFlight = inFlight;
        this.input = input;
    }

    InFlight inFlight() {
        return inFlight;
    }

    /** Records {@code ex} with its status and outcome; later calls do nothing. */
    void finish(Exchange ex) {
        if (ex.finished) return;
        ex.finished = true;
        long now = System.nanoTime();
        recordMetrics(ex, now);
        // before the next request of the conversation can arrive (it follows this reply): a digest of a few KB
        if (ex.route == Route.CHAT && ex.status == 200 && "allowed".equals(ex.outcome) && ex.caller != null) {
            for (String text : ex.releasedTexts) input.replyReleased(ex.caller, text);
        }
        List<Decision> decisions = List.copyOf(ex.decisions);
        workers.executeBlocking(() -> {
            try {
                if (ex.admitted) {
                    limiter.settle(ex.caller, ex.estimatedTokens, ex.promptTokens + ex.completionTokens);
                }
                audit.append(new AuditEvent(ex.at, ex.requestId, ex.caller == null ? null : ex.caller.clientId(),
                        ex.remoteIp, ex.routeName(), ex.model, ex.upstreamId, ex.status, ex.outcome, decisions,
                        ex.promptTokens, ex.completionTokens, (now - ex.startNanos) / 1_000_000, ex.streamed,
                        keep(ex.inputText), keep(ex.outputText)));
            } catch (RuntimeException e) {
                // The reply is gone already; losing an audit record must at least be loud.
                LOG.log(Level.SEVERE, "audit record for request " + ex.requestId + " failed: " + e.getClass().getName());
            } finally {
                inFlight.end();
            }
            return null;
        }, false);
    }

    private String keep(String text) {
        return text == null || text.isEmpty() ? text : auditText.apply(text);
    }

    private void recordMetrics(Exchange ex, long now) {
        metrics.request(ex.routeName(), ex.outcome, ex.status);
        for (Decision d : ex.decisions) metrics.decision(d);
        if (ex.upstreamStartNanos == 0) {
            metrics.addedLatency(ex.routeName(), now - ex.startNanos);
            return;
        }
        long upstreamDone = ex.streamed || ex.upstreamEndNanos == 0 ? ex.upstreamHeadersNanos : ex.upstreamEndNanos;
        if (upstreamDone == 0) return; // never answered: no latency worth recording
        metrics.upstreamLatency(ex.upstreamId, upstreamDone - ex.upstreamStartNanos);
        long added = ex.streamed ? ex.upstreamStartNanos - ex.startNanos : (now - ex.startNanos) - (upstreamDone - ex.upstreamStartNanos);
        metrics.addedLatency(ex.routeName(), Math.max(0, added));
    }
}
