package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamDecoder;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an OpenAI-shaped SSE stream: each event's data passes through {@link Rewriter} (as it is, for OpenAI
 * itself), {@code [DONE]} is sent exactly once and last, and anything after it is dropped.
 */
final class OpenAiSseDecoder implements StreamDecoder {
    static final String DONE = "[DONE]";

    /** What becomes of one chunk's data: the payload to send, or null to skip it. */
    @FunctionalInterface
    interface Rewriter {
        String rewrite(String data) throws StreamFormatException;
    }

    private final SseDecoder sse = new SseDecoder();
    private final Rewriter rewriter;
    private boolean done;

    OpenAiSseDecoder(Rewriter rewriter) {
        this.rewriter = rewriter;
    }

    @Override
    public List<String> feed(byte[] bytes) throws StreamFormatException {
        if (done) return List.of();
        return payloads(sse.feed(bytes));
    }

    @Override
    public List<String> end() throws StreamFormatException {
        if (done) return List.of();
        List<String> out = payloads(sse.end());
        if (!done) {
            done = true;
            out.add(DONE);
        }
        return out;
    }

    private List<String> payloads(List<SseDecoder.Event> events) throws StreamFormatException {
        List<String> out = new ArrayList<>(events.size());
        for (SseDecoder.Event event : events) {
            if (done) break;
            String data = event.data();
            if (DONE.equals(data.strip())) {
                done = true;
                out.add(DONE);
            } else {
                String payload = rewriter.rewrite(data);
                if (payload != null) out.add(payload);
            }
        }
        return out;
    }
}
