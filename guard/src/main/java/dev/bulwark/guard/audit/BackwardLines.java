package dev.bulwark.guard.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads a file's lines from the end backwards (to continue a chain without reading a whole log), bounded: a line
 * longer than {@link RecordFormat#MAX_LINE_BYTES} is an error.
 */
final class BackwardLines {
    private static final int CHUNK = 64 * 1024;

    private final FileChannel channel;
    private long pos;
    private byte[] carry = new byte[0];
    private long bytesRead;

    /** @param end the end of the region read, just after a newline (or 0) */
    BackwardLines(FileChannel channel, long end) {
        this.channel = channel;
        this.pos = end > 0 ? end - 1 : 0; // skip the final newline
        if (end == 0) carry = null;
    }

    /** The previous line, or null at the start of the file. */
    byte[] previous() throws IOException {
        if (carry == null) return null;
        while (true) {
            int nl = lastNewline(carry);
            if (nl >= 0) {
                byte[] line = Arrays.copyOfRange(carry, nl + 1, carry.length);
                carry = Arrays.copyOf(carry, nl);
                return line;
            }
            if (pos == 0) {
                byte[] line = carry;
                carry = null;
                return line;
            }
            if (carry.length > RecordFormat.MAX_LINE_BYTES) {
                throw new IOException("a line longer than " + RecordFormat.MAX_LINE_BYTES + " bytes before offset "
                        + (pos + carry.length));
            }
            int n = (int) Math.min(CHUNK, pos);
            ByteBuffer buf = ByteBuffer.allocate(n + carry.length);
            pos -= n;
            while (buf.position() < n) {
                if (channel.read(buf, pos + buf.position()) < 0) throw new IOException("file shrank while read");
            }
            buf.put(carry);
            carry = buf.array();
            bytesRead += n;
        }
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Offset of the last newline in {@code [0, end)} of the file, or -1. */
    static long lastNewlineBefore(FileChannel channel, long end) throws IOException {
        long at = end;
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        while (at > 0) {
            int n = (int) Math.min(CHUNK, at);
            at -= n;
            buf.clear().limit(n);
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + buf.position()) < 0) throw new IOException("file shrank while read");
            }
            for (int i = n - 1; i >= 0; i--) if (buf.get(i) == '\n') return at + i;
        }
        return -1;
    }

    private static int lastNewline(byte[] a) {
        for (int i = a.length - 1; i >= 0; i--) if (a[i] == '\n') return i;
        return -1;
    }
}
