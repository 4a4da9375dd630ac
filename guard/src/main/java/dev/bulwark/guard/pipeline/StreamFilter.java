package dev.bulwark.guard.pipeline;

import java.util.List;

/**
 * Filters one streamed (SSE) reply event by event, with a bounded hold-back so nothing split across chunks leaks.
 * Takes the {@code data:} payload of each upstream event (OpenAI chunk JSON, or {@code [DONE]}) and returns the
 * payloads to send now, in order; the server does the SSE framing. Not thread-safe: one per stream.
 */
public interface StreamFilter {
    List<String> onData(String data);

    /** The upstream stream ended (with or without {@code [DONE]}): whatever is still held back, then {@code [DONE]}. */
    List<String> finish();

    /** True once something was found that ends the stream (a canary): the server stops forwarding after the payloads returned. */
    boolean blocked();

    List<Decision> decisions();

    /** The reply text as sent so far, for the audit. */
    String completionText();

    /**
     * Each choice's text as the client received it, once the stream went out whole (nothing when it was cut short):
     * what an app may send back as an assistant turn ({@link InputFilter#replyReleased}). By default the whole
     * completion text, as one.
     */
    default List<String> releasedTexts() {
        String text = completionText();
        return blocked() || text.isEmpty() ? List.of() : List.of(text);
    }
}
