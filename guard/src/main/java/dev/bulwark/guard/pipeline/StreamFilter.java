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
}
