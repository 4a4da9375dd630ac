package dev.bulwark.supply.model.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Exact positional reads from a zip on disk: short reads past the end are an error, never a silent zero. */
final class ZipFile64 {
    private ZipFile64() {
    }

    static byte[] read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0 || position + length > channel.size()) {
            throw new ZipFormatException("record at " + position + " (+" + length + ") lies outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) throw new ZipFormatException("file ended inside the record at " + position);
        }
        return buffer.array();
    }
}
