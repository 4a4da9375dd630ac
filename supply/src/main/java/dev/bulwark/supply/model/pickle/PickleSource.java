package dev.bulwark.supply.model.pickle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A forward-only, buffered reader over the scanned stream that knows its byte offset. Payloads the simulator does
 * not need (tensor bytes, long strings) are skipped, never held, so memory does not grow with the input. Over a
 * file ({@link #PickleSource(FileChannel)}) a skip costs no system call at all: the next fill reads at the new
 * offset, and only a few KiB, since a big payload is usually followed by a few opcodes and another payload.
 */
final class PickleSource {
    /** The input ended inside an opcode. Thrown without a stack trace: it is a verdict, not a bug. */
    static final class EndOfInput extends Exception {
        EndOfInput() {
            super("input ends inside an opcode", null, false, false);
        }
    }

    private static final EndOfInput END = new EndOfInput();

    /** What a fill right after a skip past the buffer reads: enough for the opcodes between two payloads. */
    private static final int AFTER_SKIP = 1 << 9;

    private final InputStream in;
    private final FileChannel channel;
    /** Channel offset of stream offset 0, and the channel size as last seen (re-read before calling a skip short). */
    private final long channelBase;
    private long channelSize;
    private final byte[] buf;
    /** {@link #buf} as the channel's read target (null without a channel). */
    private final ByteBuffer window;
    /** Direct, so the small read after a skip goes straight to it instead of through the JDK's temporary buffers. */
    private ByteBuffer afterSkip;
    /** The last move was a skip past the buffer: the next fill reads only {@link #AFTER_SKIP} bytes. */
    private boolean justSkipped;
    private int pos;
    private int limit;
    private long bufferStart;
    private boolean eof;
    private boolean lineTruncated;

    PickleSource(InputStream in) {
        this.in = in;
        this.channel = null;
        this.channelBase = 0;
        this.buf = new byte[1 << 16];
        this.window = null;
    }

    /** Reads {@code bytes} in place (a file's head, when deciding whether it is a pickle). */
    PickleSource(byte[] bytes) {
        this.in = null;
        this.channel = null;
        this.channelBase = 0;
        this.buf = bytes;
        this.window = null;
        this.limit = bytes.length;
        this.eof = true; // nothing follows: fills and skips past the bytes end the input
    }

    /** Reads {@code channel} from its current position on, with positional reads (its position is left alone). */
    PickleSource(FileChannel channel) throws IOException {
        this.in = null;
        this.channel = channel;
        this.channelBase = channel.position();
        this.channelSize = channel.size();
        this.buf = new byte[1 << 16];
        this.window = ByteBuffer.wrap(buf);
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
        int want = justSkipped ? AFTER_SKIP : buf.length;
        justSkipped = false;
        int n = channel != null ? readChannel(want) : in.readNBytes(buf, 0, want);
        limit = Math.max(n, 0);
        if (n <= 0) {
            eof = true;
            return false;
        }
        return true;
    }

    /** Fills up to {@code want} bytes from the channel at the current offset (a short read only at its end). */
    private int readChannel(int want) throws IOException {
        ByteBuffer into;
        if (want == AFTER_SKIP) {
            if (afterSkip == null) afterSkip = ByteBuffer.allocateDirect(AFTER_SKIP);
            into = afterSkip.clear();
        } else {
            into = window.clear().limit(want);
        }
        long at = channelBase + bufferStart;
        while (into.hasRemaining()) {
            int r = channel.read(into, at + into.position());
            if (r <= 0) break;
        }
        int n = into.position();
        if (into == afterSkip) afterSkip.get(0, buf, 0, n);
        return n == 0 ? -1 : n;
    }

    // The buffer as it stands, for the simulator's loop over common opcodes: it reads operands straight from the
    // array while at least a few bytes are buffered, and hands anything near the buffer's end to the general path.

    byte[] buffered() {
        return buf;
    }

    int bufferedFrom() {
        return pos;
    }

    int bufferedTo() {
        return limit;
    }

    /** Consumes the buffered bytes before {@code at} ({@link #bufferedFrom()} &le; at &le; {@link #bufferedTo()}). */
    void consumeTo(int at) {
        pos = at;
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
        justSkipped = true;
        if (channel != null) {
            skipInChannel(left);
            return;
        }
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

    /** A skip over a file is arithmetic; past the end of the file it fails as the stream's skip would. */
    private void skipInChannel(long left) throws IOException, EndOfInput {
        long target = bufferStart + left;
        boolean pastEnd = channelBase + target > channelSize && channelBase + target > (channelSize = channel.size());
        if (eof || target < 0 || pastEnd) {
            bufferStart = Math.max(bufferStart, channelSize - channelBase);
            eof = true;
            throw END;
        }
        bufferStart = target;
    }

    /** Reads {@code n} bytes (n small) into an array of their own. */
    byte[] bytes(int n) throws IOException, EndOfInput {
        if (limit - pos >= n) {
            byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }
        byte[] out = new byte[n];
        for (int k = 0; k < n; k++) out[k] = (byte) u8();
        return out;
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
