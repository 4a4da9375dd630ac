package dev.bulwark.supply.model.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streaming reader of the protobuf wire format (varint, 64-bit, length-delimited, 32-bit), enough to walk ONNX and
 * TensorFlow messages without a protobuf library or a generated schema. Nested messages are entered and left with
 * explicit limits, so a model of many gigabytes is walked in constant memory: fields nobody asked for (weights) are
 * skipped, never buffered. Lengths past the enclosing message, over-long varints, group wire types and nesting deeper
 * than {@code maxDepth} are all {@link MalformedModelException}s.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int I64 = 1;
    static final int LEN = 2;
    static final int I32 = 5;

    private final InputStream in;
    private final int maxDepth;
    private final Deque<Long> outerLimits = new ArrayDeque<>();
    private long position;
    private long limit;
    private int tag;

    /** @param size the stream's length, or -1 when unknown (then the end is found by reading) */
    ProtoReader(InputStream in, long size, int maxDepth) {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 8192);
        this.limit = size >= 0 ? size : Long.MAX_VALUE;
        this.maxDepth = maxDepth;
    }

    long position() {
        return position;
    }

    int depth() {
        return outerLimits.size();
    }

    /** Reads the next field's tag; false at the end of the current message. */
    boolean next() throws IOException, MalformedModelException {
        if (position >= limit) return false;
        if (limit == Long.MAX_VALUE) {
            in.mark(1);
            int b = in.read();
            if (b < 0) return false;
            in.reset();
        }
        long t = varint();
        if (t >>> 32 != 0 || (t >>> 3) == 0) throw new MalformedModelException("invalid field tag " + t, position);
        tag = (int) t;
        int wireType = wireType();
        if (wireType != VARINT && wireType != I64 && wireType != LEN && wireType != I32) {
            throw new MalformedModelException("unsupported wire type " + wireType, position);
        }
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() throws IOException, MalformedModelException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            if (shift == 63 && (b & 0x7E) != 0) throw new MalformedModelException("varint overflows 64 bits", position);
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new MalformedModelException("varint longer than 10 bytes", position);
    }

    /** Enters the length-delimited message this field holds; pair with {@link #leave}. */
    void enter() throws IOException, MalformedModelException {
        requireWireType(LEN);
        if (outerLimits.size() >= maxDepth) {
            throw new MalformedModelException("messages nested deeper than " + maxDepth, position);
        }
        long length = length();
        outerLimits.push(limit);
        limit = position + length;
    }

    /** What to do with the fields of one nested message. */
    @FunctionalInterface
    interface Body {
        void read() throws IOException, MalformedModelException;
    }

    /** Enters the message this field holds, lets {@code body} read its fields, and returns to the parent. */
    void message(Body body) throws IOException, MalformedModelException {
        enter();
        body.read();
        leave();
    }

    /** Skips what is left of the current message and returns to its parent. */
    void leave() throws IOException, MalformedModelException {
        skipBytes(limit - position);
        limit = outerLimits.pop();
    }

    /** The field's value as UTF-8 text, refused when longer than {@code maxBytes}. */
    String string(int maxBytes) throws IOException, MalformedModelException {
        requireWireType(LEN);
        long at = position;
        long length = length();
        if (length > maxBytes) throw new MalformedModelException("string of " + length + " bytes where at most "
                + maxBytes + " were expected", at);
        byte[] bytes = new byte[(int) length];
        int done = 0;
        while (done < length) {
            int n = in.read(bytes, done, (int) length - done);
            if (n < 0) throw truncated();
            done += n;
        }
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skip() throws IOException, MalformedModelException {
        switch (wireType()) {
            case VARINT -> varint();
            case I64 -> skipBytes(8);
            case I32 -> skipBytes(4);
            default -> skipBytes(length());
        }
    }

    private long length() throws IOException, MalformedModelException {
        long at = position;
        long length = varint();
        if (length < 0 || length > limit - position) {
            throw new MalformedModelException("length " + Long.toUnsignedString(length) + " runs past the end of "
                    + (outerLimits.isEmpty() ? "the file" : "its message"), at);
        }
        return length;
    }

    private void requireWireType(int expected) throws MalformedModelException {
        if (wireType() != expected) {
            throw new MalformedModelException("field " + field() + " has wire type " + wireType() + ", expected "
                    + expected, position);
        }
    }

    private int read() throws IOException, MalformedModelException {
        if (position >= limit) throw new MalformedModelException("value runs past the end of its message", position);
        int b = in.read();
        if (b < 0) throw truncated();
        position++;
        return b;
    }

    private void skipBytes(long count) throws IOException, MalformedModelException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) throw truncated();
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    private MalformedModelException truncated() {
        return new MalformedModelException("truncated protobuf", position);
    }
}
