package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into lines ended by CRLF, LF or CR, in bounded memory. Lines are decoded as UTF-8 only once
 * complete, so a multi-byte character split across two feeds arrives whole; malformed UTF-8 becomes U+FFFD (what
 * the SSE spec asks). A leading byte-order mark is dropped. Not thread-safe: one per stream.
 */
final class LineSplitter {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final int maxLineBytes;
    private byte[] line = new byte[256];
    private int length;
    /** The previous feed ended in CR: a LF starting the next one belongs to that line end. */
    private boolean afterCr;
    /** Bytes of the stream seen so far, up to the BOM's length (for dropping a BOM split across feeds). */
    private int headBytesSeen;
    private boolean bomPossible = true;

    LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 1) throw new IllegalArgumentException("maxLineBytes must be positive");
        this.maxLineBytes = maxLineBytes;
    }

    /** The lines completed by {@code bytes}, in order (a partial last line stays buffered). */
    List<String> feed(byte[] bytes) throws StreamFormatException {
        List<String> lines = new ArrayList<>();
        for (byte b : bytes) {
            if (afterCr) {
                afterCr = false;
                if (b == LF) continue;
            }
            if (b == LF || b == CR) {
                lines.add(takeLine());
                afterCr = b == CR;
            } else {
                append(b);
            }
        }
        return lines;
    }

    /** The stream ended: a last line without line end, if any. */
    List<String> end() {
        afterCr = false;
        return length == 0 ? List.of() : List.of(takeLine());
    }

    private void append(byte b) throws StreamFormatException {
        if (headBytesSeen < BOM.length) {
            // Drop the BOM byte by byte while the stream's first bytes still match it.
            bomPossible &= b == BOM[headBytesSeen];
            headBytesSeen++;
            if (bomPossible && headBytesSeen == BOM.length) {
                length = 0;
                return;
            }
        }
        if (length == maxLineBytes) throw new StreamFormatException("upstream stream line exceeds " + maxLineBytes + " bytes");
        if (length == line.length) line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        line[length++] = b;
    }

    private String takeLine() {
        headBytesSeen = BOM.length; // a line end ends the stream's head
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        if (line.length > 4096) line = new byte[256]; // do not keep a huge buffer for the rest of the stream
        return text;
    }
}
