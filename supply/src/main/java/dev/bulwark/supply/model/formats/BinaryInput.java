package dev.bulwark.supply.model.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of fixed-width numbers and length-prefixed strings that knows its position. Every read that
 * would run past the end of the stream becomes a {@link MalformedModelException} naming the offset.
 */
final class BinaryInput {
    private final InputStream in;
    private final byte[] scratch = new byte[8];
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private long position;

    BinaryInput(InputStream in) {
        this.in = in;
    }

    void order(ByteOrder order) {
        this.order = order;
    }

    long position() {
        return position;
    }

    int u8() throws IOException, MalformedModelException {
        int b = in.read();
        if (b < 0) throw truncated(1);
        position++;
        return b;
    }

    long u32() throws IOException, MalformedModelException {
        return fixed(4) & 0xFFFF_FFFFL;
    }

    /** An unsigned 64-bit value; values past {@link Long#MAX_VALUE} come back negative, which callers reject. */
    long u64() throws IOException, MalformedModelException {
        return fixed(8);
    }

    private long fixed(int width) throws IOException, MalformedModelException {
        readFully(scratch, width);
        long v = 0;
        for (int i = 0; i < width; i++) {
            int k = order == ByteOrder.LITTLE_ENDIAN ? width - 1 - i : i;
            v = (v << 8) | (scratch[k] & 0xFF);
        }
        return v;
    }

    /** Reads {@code length} bytes as UTF-8 (malformed sequences become U+FFFD; the text is only inspected). */
    String utf8(int length) throws IOException, MalformedModelException {
        byte[] bytes = new byte[length];
        readFully(bytes, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skip(long count) throws IOException, MalformedModelException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) throw truncated(left);
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    /** Skips to the end of the stream and returns how many bytes that was (sizing a streamed entry). */
    long skipToEnd() throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            long skipped = in.skip(Long.MAX_VALUE);
            if (skipped > 0) {
                total += skipped;
                continue;
            }
            int n = in.read(buffer);
            if (n < 0) break;
            total += n;
        }
        position += total;
        return total;
    }

    private void readFully(byte[] into, int length) throws IOException, MalformedModelException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, done, length - done);
            if (n < 0) throw truncated(length - done);
            done += n;
        }
        position += length;
    }

    private MalformedModelException truncated(long missing) {
        return new MalformedModelException("truncated: " + missing + " more bytes expected", position);
    }
}
