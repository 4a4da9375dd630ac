package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.List;

/**
 * Decodes an OpenAI-shaped SSE stream: each event's data passes through {@link Rewriter} (as it is, for OpenAI
 * itself), {@code [DONE]} is sent exactly once and last, and anything after it is dropped.
 */
final class OpenAiSseDecoder extends FramedStreamDecoder<SseDecoder.Event> {
    static final String DONE = FramedStreamDecoder.DONE;

    /** What becomes of one chunk's data: the payload to send, or null to skip it. */
    @FunctionalInterface
    interface Rewriter {
        String rewrite(String data) throws StreamFormatException;
    }

    private final SseDecoder sse = new SseDecoder();
    private final Rewriter rewriter;

    OpenAiSseDecoder(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    @Override
    List<SseDecoder.Event> frame(byte[] bytes) throws StreamFormatException {
        return sse.feed(bytes);
    }

    @Override
    List<SseDecoder.Event> frameEnd() throws StreamFormatException {
        return sse.end();
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
