package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamDecoder;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The part every flavor's stream decoder shares: frame the upstream's bytes into items (SSE events, NDJSON objects),
 * translate item by item into OpenAI chunk payloads, end with {@code [DONE]} exactly once — when an item says the
 * stream is over, or when the upstream closes it — and drop anything after that.
 *
 * @param <T> one framed item
 */
abstract class FramedStreamDecoder<T> implements StreamDecoder {
    static final String DONE = "[DONE]";
    private boolean done;

    abstract List<T> frame(byte[] bytes) throws StreamFormatException;

    /** What is still buffered when the upstream closed the stream. */
    abstract List<T> frameEnd() throws StreamFormatException;

    /** Appends the payloads for one item; true when the item ends the stream (without adding {@code [DONE]}). */
    abstract boolean translate(T item, List<String> out) throws StreamFormatException;

    @Override
    public final List<String> feed(byte[] bytes) throws StreamFormatException {
        if (done) return List.of();
        return translateAll(frame(bytes));
    }

    @Override
    public final List<String> end() throws StreamFormatException {
        if (done) return List.of();
        List<String> out = translateAll(frameEnd());
        if (!done) {
            done = true;
            out.add(DONE);
        }
        return out;
    }

    private List<String> translateAll(List<T> items) throws StreamFormatException {
        List<String> out = new ArrayList<>(items.size());
        for (T item : items) {
            if (translate(item, out)) {
                done = true;
                out.add(DONE);
                break;
            }
        }
        return out;
    }
}
