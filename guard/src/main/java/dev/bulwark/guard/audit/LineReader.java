package dev.bulwark.guard.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code \n}-separated lines as raw bytes (the hash covers bytes, not decoded text), at most
 * {@code maxBytes} per line: a longer line is skipped to its end and reported as too long, never buffered whole.
 */
final class LineReader {
    /**
     * @param terminated false for a last line with no newline after it
     * @param tooLong    the line was longer than the bound; {@code bytes} holds only its start
     */
    record Line(long number, byte[] bytes, boolean terminated, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private long number;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        var line = new ByteArrayOutputStream();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? new Line(++number, line.toByteArray(), false, tooLong) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') pos++;
            int n = pos - start;
            if (!tooLong) {
                if (line.size() + n > maxBytes) {
                    tooLong = true;
                    line.write(buf, start, Math.max(0, Math.min(n, 64)));
                } else {
                    line.write(buf, start, n);
                }
            }
            if (pos < len) {
                pos++;
                return new Line(++number, line.toByteArray(), true, tooLong);
            }
        }
    }
}
