package dev.bulwark.core.http;

/**
 * Why the engagement client did not deliver a reply. Checks turn it into an ERROR verdict for the attempt; it is
 * never a pass.
 */
public final class EngagementException extends Exception {
    public enum Reason {
        /** The host (or a redirect's host) is not in {@code rules.allowedHosts}: nothing was sent to it. */
        OUT_OF_SCOPE,
        /** {@code rules.maxRequests} is spent. */
        BUDGET_EXHAUSTED,
        /** The user stopped the run, or the time window closed. */
        STOPPED,
        /** Connection refused, reset, timed out, or retries ran out on 429/5xx. */
        TRANSPORT
    }

    private final Reason reason;

    public EngagementException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public EngagementException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
