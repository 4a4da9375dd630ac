package dev.bulwark.supply.model.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a file that stops answering after a number of bytes or reads. A third-party parser given a
 * hostile file may follow a cycle of pointers forever; with this channel underneath, every loop that reads ends.
 */
final class BudgetedChannel implements SeekableByteChannel {
    private final FileChannel file;
    private long bytesLeft;
    private long readsLeft;

    BudgetedChannel(FileChannel file, long maxBytes, long maxReads) {
        this.file = file;
        this.bytesLeft = maxBytes;
        this.readsLeft = maxReads;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (--readsLeft < 0 || bytesLeft <= 0) throw new ReadBudgetSpentException();
        if (dst.remaining() > bytesLeft) throw new ReadBudgetSpentException();
        int n = file.read(dst);
        if (n > 0) bytesLeft -= n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** Thrown when the budget is spent; the HDF5 reader reports the file as not verified. */
    static final class ReadBudgetSpentException extends IOException {
        ReadBudgetSpentException() {
            super("read budget spent", null);
        }
    }
}
