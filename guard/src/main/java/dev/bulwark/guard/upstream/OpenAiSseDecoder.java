package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.List;

/**
 * Decodes an OpenAI-shaped SSE stream: each event's data passes through {@link Rewriter} (as it is, for OpenAI
 * itself), {@code [DONE]} is sent exactly once and last, and anything after it is dropped.
 */
final class OpenAiSseDecoder extends SseStreamDecoder {
    static final String DONE = FramedStreamDecoder.DONE;

    /** What becomes of one chunk's data: the payload to send, or null to skip it. */
    @FunctionalInterface
    interface Rewriter {
        String rewrite(String data) throws StreamFormatException;
    }

    private final Rewriter rewriter;

    OpenAiSseDecoder(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    @Override
    boolean translate(SseDecoder.Event event, List<String> out) throws StreamFormatException {
        String data = event.data();
        if (DONE.equals(data.strip())) return true;
        String payload = rewriter.rewrite(data);
        if (payload != null) out.add(payload);
        return false;
    }
}
