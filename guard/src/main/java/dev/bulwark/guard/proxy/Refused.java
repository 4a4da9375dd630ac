package dev.bulwark.guard.proxy;

import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Refusal;
import java.util.List;

/**
 * Ends a request's pipeline with a clean reply: the refusal to send, the audit outcome, and the decisions taken on
 * the way (made on a worker thread, so they travel with the failure instead of touching the exchange there).
 */
final class Refused extends RuntimeException {
    final Refusal refusal;
    final String outcome;
    final List<Decision> decisions;

    Refused(Refusal refusal, String outcome, List<Decision> decisions) {
        super(refusal.code(), null, false, false);
        this.refusal = refusal;
        this.outcome = outcome;
        this.decisions = List.copyOf(decisions);
    }

    Refused(Refusal refusal, String outcome) {
        this(refusal, outcome, List.of());
    }
}
