package dev.bulwark.supply.model.pickle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * A forward-only, buffered reader over the scanned stream that knows its byte offset. Payloads the simulator does
 * not need (tensor bytes, long strings) are skipped, never held, so memory does not grow with the input.
 */
final class PickleSource {
    /** The input ended inside an opcode. Thrown without a stack trace: it is a verdict, not a bug. */
    static final class EndOfInput extends Exception {
        EndOfInput() {
            super("input ends inside an opcode", null, false, false);
        }
    }

    private static final EndOfInput END = new EndOfInput();

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bufferStart;
    private boolean eof;
    private boolean lineTruncated;

    PickleSource(InputStream in) {
        this.in = in;
    }

    /** Offset of the next byte from the start of the stream. */
    long position() {
        return bufferStart + pos;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        bufferStart += limit;
        pos = 0;
        limit = 0;
        int n = in.readNBytes(buf, 0, buf.length);
        limit = n;
        if (n <= 0) {
            eof = true;
            return false;
        }
        return true;
    }

    /** The next byte, or -1 at the end of the stream. Kept tiny: the JIT inlines it into every opcode. */
    int read() throws IOException {
        if (pos == limit) return refillAndRead();
        return buf[pos++] & 0xFF;
    }

    private int refillAndRead() throws IOException {
        if (!fill()) return -1;
        return buf[pos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the end of the stream. */
    int peek() throws IOException {
        if (pos == limit && !fill()) return -1;
        return buf[pos] & 0xFF;
    }

    int u8() throws IOException, EndOfInput {
        int b = read();
        if (b < 0) throw END;
        return b;
    }

    /** An unsigned little-endian integer of {@code width} bytes (1..8); 8-byte values above 2^63 come back negative. */
    long littleEndian(int width) throws IOException, EndOfInput {
        if (limit - pos < width) return littleEndianAcrossRefill(width);
        long v = 0; // fast path: the operand is in the buffer
        for (int k = 0; k < width; k++) v |= (long) (buf[pos + k] & 0xFF) << (8 * k);
        pos += width;
        return v;
    }

    private long littleEndianAcrossRefill(int width) throws IOException, EndOfInput {
        long v = 0;
        for (int k = 0; k < width; k++) v |= (long) u8() << (8 * k);
        return v;
    }

    /**
     * Skips exactly {@code n} bytes or throws when the stream ends first. Beyond the buffer it asks the stream to
     * skip (a seek for files), so tensor payloads are never read.
     */
    void skip(long n) throws IOException, EndOfInput {
        if (n <= limit - pos) {
            pos += (int) n;
            return;
        }
        skipPastBuffer(n);
    }

    /** The rare path of {@link #skip}, apart so the common case stays small enough to inline. */
    private void skipPastBuffer(long n) throws IOException, EndOfInput {
        long left = n - (limit - pos);
        bufferStart += limit;
        pos = 0;
        limit = 0;
        while (left > 0) {
            long skipped = eof ? 0 : in.skip(left);
            if (skipped <= 0) {
                // no progress: read instead, which also tells the end of the stream apart from a lazy skip
                int r = eof ? -1 : in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    eof = true;
                    throw END;
                }
                skipped = r;
            }
            left -= skipped;
            bufferStart += skipped;
        }
    }

    /** Reads {@code n} bytes (n small) as text. */
    String text(int n, Charset charset) throws IOException, EndOfInput {
        if (limit - pos >= n) {
            String s = new String(buf, pos, n, charset);
            pos += n;
            return s;
        }
        byte[] out = new byte[n];
        for (int k = 0; k < n; k++) out[k] = (byte) u8();
        return new String(out, charset);
    }

    /**
     * Reads up to and including the next newline and returns the line without it, keeping at most {@code keep}
     * bytes (Latin-1, one char per byte); longer lines are consumed to their end and flagged by {@link #lineTruncated}.
     */
    byte[] line(int keep) throws IOException, EndOfInput {
        byte[] kept = new byte[Math.min(keep, 64)];
        int n = 0;
        lineTruncated = false;
        while (true) {
            int b = u8();
            if (b == '\n') break;
            if (n < keep) {
                if (n == kept.length) kept = java.util.Arrays.copyOf(kept, Math.min(keep, kept.length * 2));
                kept[n++] = (byte) b;
            } else {
                lineTruncated = true;
            }
        }
        return n == kept.length ? kept : java.util.Arrays.copyOf(kept, n);
    }

    boolean lineTruncated() {
        return lineTruncated;
    }
}
