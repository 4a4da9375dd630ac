package dev.bulwark.guard.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Checks what comes back: PII and secrets redacted, system-prompt canaries and leaks blocked, external markdown
 * images and raw HTML neutralised, logprobs stripped. Thread-safe; one {@link StreamFilter} per streamed reply.
 */
public interface OutputFilter {
    /** A whole (non-streamed) reply, OpenAI-style, changed in place. */
    OutputVerdict inspect(Route route, ObjectNode response);

    /**
     * Whether {@link #inspect} of a reply of {@code replyBytes} is cheap enough to run on the event loop (see
     * {@link InputFilter#cheapFor}). False by default.
     */
    default boolean cheapFor(long replyBytes) {
        return false;
    }

    /** A filter for one streamed reply. */
    StreamFilter stream(Route route);

    /**
     * @param blocked when true the reply must not reach the client: send {@code refusal} instead
     * @param completionText the reply text as sent (after filtering), for the audit
     */
    record OutputVerdict(boolean blocked, Refusal refusal, ObjectNode response, List<Decision> decisions,
                         String completionText) {
        public OutputVerdict {
            decisions = List.copyOf(decisions);
        }
    }
}
