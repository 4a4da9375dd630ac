package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Incremental, bounded parser of a W3C server-sent-events stream (the "interpreting an event stream" rules): fields
 * {@code data}, {@code event}, {@code id} and {@code retry}, multi-line data joined by LF, comment lines ignored,
 * CRLF/LF/CR line ends, a leading BOM dropped, bytes split anywhere (inside UTF-8 sequences too). As the spec says,
 * an event the stream ends in the middle of (no blank line after it) is discarded. A line or an event's data beyond
 * its bound raises {@link StreamFormatException} instead of growing a buffer. Not thread-safe: one per stream.
 */
public final class SseDecoder {
    /** Default bound of one line and of one event's data: 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    /** One dispatched event; {@code type} is {@code "message"} when the stream named none. */
    public record Event(String type, String data, String id) {
    }

    private final LineSplitter lines;
    private final int maxEventChars;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType = "";
    private String lastEventId = "";
    private long retryMillis = -1;

    public SseDecoder() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES);
    }

    public SseDecoder(int maxLineBytes, int maxEventChars) {
        if (maxEventChars < 1) throw new IllegalArgumentException("maxEventChars must be positive");
        this.lines = new LineSplitter(maxLineBytes);
        this.maxEventChars = maxEventChars;
    }

    /** The events completed by {@code bytes}, in order. */
    public List<Event> feed(byte[] bytes) throws StreamFormatException {
        List<Event> events = new ArrayList<>();
        for (String line : lines.feed(bytes)) onLine(line, events);
        return events;
    }

    /** The stream ended; a pending, unterminated event is discarded (so this returns no events, per the spec). */
    public List<Event> end() throws StreamFormatException {
        List<Event> events = new ArrayList<>();
        for (String line : lines.end()) onLine(line, events);
        data.setLength(0);
        hasData = false;
        eventType = "";
        return events;
    }

    /** The last {@code retry} the stream asked for, in milliseconds. */
    public OptionalLong retryMillis() {
        return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
    }

    private void onLine(String line, List<Event> events) throws StreamFormatException {
        if (line.isEmpty()) {
            dispatch(events);
            return;
        }
        if (line.charAt(0) == ':') return; // comment, e.g. a keep-alive
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + (colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? 2 : 1));
        switch (field) {
            case "data" -> appendData(value);
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) lastEventId = value;
            }
            case "retry" -> {
                if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void appendData(String value) throws StreamFormatException {
        int needed = data.length() + (hasData ? 1 : 0) + value.length();
        if (needed > maxEventChars) throw new StreamFormatException("upstream stream event exceeds " + maxEventChars + " characters");
        if (hasData) data.append('\n');
        data.append(value);
        hasData = true;
    }

    private void dispatch(List<Event> events) {
        if (hasData) events.add(new Event(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId));
        data.setLength(0);
        if (data.capacity() > 4096) data.trimToSize();
        hasData = false;
        eventType = "";
    }
}
