package dev.bulwark.supply.model.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code length} bytes of a file from {@code offset} on, through its own channel (closed with the stream). */
final class BoundedChannelStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    private BoundedChannelStream(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
    }

    static InputStream open(Path file, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) throw new IOException("negative offset or length");
        return new java.io.BufferedInputStream(
                new BoundedChannelStream(FileChannel.open(file, StandardOpenOption.READ), offset, length), 1 << 16);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) return -1;
        int want = (int) Math.min(len, end - position);
        int n = channel.read(ByteBuffer.wrap(b, off, want), position);
        if (n <= 0) return -1; // the file is shorter than the header claimed
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long s = Math.max(0, Math.min(n, end - position));
        position += s;
        return s;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
