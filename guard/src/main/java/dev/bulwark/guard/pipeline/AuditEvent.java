package dev.bulwark.guard.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * One request as the audit log records it. {@code input} and {@code output} are already in the configured text
 * mode (salted hash by default): the audit sink writes what it gets.
 *
 * @param outcome {@code allowed}, {@code blocked}, {@code throttled}, {@code unauthenticated}, {@code forbidden},
 *                {@code upstream-error}, {@code scanner-error}, {@code not-found} (404/405),
 *                {@code client-closed} (the client went away, status 499), {@code error} (an internal 500)
 */
public record AuditEvent(Instant at, String requestId, String clientId, String remoteIp, String route, String model,
                         String upstream, int status, String outcome, List<Decision> decisions, long promptTokens,
                         long completionTokens, long latencyMillis, boolean streamed, String input, String output) {
    public AuditEvent {
        decisions = List.copyOf(decisions);
    }
}
