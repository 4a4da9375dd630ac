package dev.bulwark.guard.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks a parsed request body before it goes upstream: size and shape, prompt injection (tool and function
 * results scanned as data), PII and secrets; may rewrite it (redaction, a capped {@code max_tokens}). CPU-bound:
 * the server calls it off the event loop when the learned model is on. Thread-safe.
 */
public interface InputFilter {
    InputVerdict inspect(Route route, ObjectNode body, Caller caller);

    /**
     * Whether {@link #inspect} of a body of {@code bodyBytes} is cheap enough (deterministic scanners, a bounded few
     * hundred microseconds) to run on the event loop instead of paying two thread hops to a worker. False by default
     * and whenever a learned model runs.
     */
    default boolean cheapFor(long bodyBytes) {
        return false;
    }

    /**
     * Work to finish before {@link #inspect} of this body, off any thread and without blocking: looking up, in state
     * shared with other gateway instances, what {@code inspect} will want to know (the replies other instances
     * released to this caller). {@code inspect} runs when it completes, either way; nothing by default.
     */
    default CompletionStage<Void> prepare(Route route, ObjectNode body, Caller caller) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The text of a chat reply the gateway let through to {@code caller} (after the output filter). Apps send the
     * conversation back with every request; a filter may read a reply it released itself, sent back unchanged as an
     * assistant turn, as the model's own words rather than as new input. Nothing by default.
     */
    default void replyReleased(Caller caller, String reply) {
    }

    /**
     * @param refusal    present when the request must not go upstream
     * @param body       the body to send (the same object, possibly changed)
     * @param promptText the user-visible text of the request, for the extraction monitor and the audit
     * @param pseudonyms the personal values replaced by placeholders in {@code body}, for the reply to get back
     */
    record InputVerdict(Optional<Refusal> refusal, ObjectNode body, List<Decision> decisions, String promptText,
                        Pseudonyms pseudonyms) {
        public InputVerdict {
            decisions = List.copyOf(decisions);
            Objects.requireNonNull(pseudonyms, "pseudonyms");
        }

        public InputVerdict(Optional<Refusal> refusal, ObjectNode body, List<Decision> decisions, String promptText) {
            this(refusal, body, decisions, promptText, Pseudonyms.NONE);
        }
    }
}
