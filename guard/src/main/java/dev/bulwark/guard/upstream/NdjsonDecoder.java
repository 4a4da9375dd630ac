package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental, bounded parser of newline-delimited JSON (Ollama's streams): one JSON object per line, blank lines
 * skipped, the same line bounds and byte splitting as {@link SseDecoder}. A line that is not a JSON object raises
 * {@link StreamFormatException}. Not thread-safe: one per stream.
 */
public final class NdjsonDecoder {
    private final LineSplitter lines;

    public NdjsonDecoder() {
        this(SseDecoder.DEFAULT_MAX_BYTES);
    }

    public NdjsonDecoder(int maxLineBytes) {
        this.lines = new LineSplitter(maxLineBytes);
    }

    /** The objects completed by {@code bytes}, in order. */
    public List<ObjectNode> feed(byte[] bytes) throws StreamFormatException {
        return parse(lines.feed(bytes));
    }

    /** The stream ended: a last line without line end, if any. */
    public List<ObjectNode> end() throws StreamFormatException {
        return parse(lines.end());
    }

    private static List<ObjectNode> parse(List<String> texts) throws StreamFormatException {
        List<ObjectNode> objects = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (!text.isBlank()) objects.add(UpstreamJson.parseStreamObject(text));
        }
        return objects;
    }
}
