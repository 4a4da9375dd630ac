package dev.bulwark.guard.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Checks what comes back: PII and secrets redacted, system-prompt canaries and leaks blocked, external markdown
 * images and raw HTML neutralised, logprobs stripped. Thread-safe; one {@link StreamFilter} per streamed reply.
 */
public interface OutputFilter {
    /**
     * A whole (non-streamed) reply, OpenAI-style, changed in place.
     *
     * @param offeredTools the function names the request offered the model; a reply may call only those
     */
    default OutputVerdict inspect(Route route, ObjectNode response, Set<String> offeredTools) {
        return inspect(route, response, offeredTools, Pseudonyms.NONE);
    }

    /**
     * As {@link #inspect(Route, ObjectNode, Set)}, and the rendered text gets back the request's own values where
     * it repeats their placeholders.
     *
     * @param pseudonyms what the input filter replaced in this request ({@link InputFilter.InputVerdict#pseudonyms})
     */
    OutputVerdict inspect(Route route, ObjectNode response, Set<String> offeredTools, Pseudonyms pseudonyms);

    /**
     * Whether {@link #inspect} of a reply of {@code replyBytes} is cheap enough to run on the event loop (see
     * {@link InputFilter#cheapFor}). False by default.
     */
    default boolean cheapFor(long replyBytes) {
        return false;
    }

    /** A filter for one streamed reply; {@code offeredTools} as for {@link #inspect}. */
    default StreamFilter stream(Route route, Set<String> offeredTools) {
        return stream(route, offeredTools, Pseudonyms.NONE);
    }

    /** A filter for one streamed reply; {@code offeredTools} and {@code pseudonyms} as for {@link #inspect}. */
    StreamFilter stream(Route route, Set<String> offeredTools, Pseudonyms pseudonyms);

    /**
     * @param blocked        when true the reply must not reach the client: send {@code refusal} instead
     * @param completionText the reply text as sent (after filtering), for the audit
     * @param releasedTexts  each choice's text as sent (nothing when blocked): what an app may send back as an
     *                       assistant turn ({@link InputFilter#replyReleased})
     */
    record OutputVerdict(boolean blocked, Refusal refusal, ObjectNode response, List<Decision> decisions,
                         String completionText, List<String> releasedTexts) {
        public OutputVerdict {
            decisions = List.copyOf(decisions);
            releasedTexts = List.copyOf(releasedTexts);
        }

        /** The completion text as the one released text (a single choice), unless blocked. */
        public OutputVerdict(boolean blocked, Refusal refusal, ObjectNode response, List<Decision> decisions,
                             String completionText) {
            this(blocked, refusal, response, decisions, completionText,
                    blocked || completionText.isEmpty() ? List.of() : List.of(completionText));
        }
    }
}
