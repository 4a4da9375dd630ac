package dev.bulwark.supply.model.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks a zip from its first local file header to the next, without the central directory: the fallback when that
 * directory is missing or corrupt (streaming loaders read zips this way too). Members written with a data descriptor
 * and no sizes are delimited by inflating them (deflate) or by finding a descriptor whose size matches (stored).
 */
final class LocalHeaders {
    private static final int DESCRIPTOR = 0x08074b50;
    private static final long U32_MAX = 0xFFFFFFFFL;
    /** How far into the file the first local header may start (self-extracting stubs, prefixed data). */
    private static final long MAX_PREFIX = 1L << 20;

    /** The members found, and why the walk stopped early (null when it reached the directory or the end). */
    record Walk(List<ZipMember> members, String stoppedBecause) {
    }

    private LocalHeaders() {
    }

    static Walk walk(FileChannel channel, int maxEntries, long maxRatio) throws IOException {
        long size = channel.size();
        var members = new ArrayList<ZipMember>();
        long pos = firstHeader(channel);
        if (pos < 0) return new Walk(members, "no local file header in the first " + MAX_PREFIX + " bytes");
        while (pos + 30 <= size) {
            byte[] h = ZipFile64.read(channel, pos, 30);
            long sig = LittleEndian.u32(h, 0);
            if (sig != CentralDirectory.LOCAL) {
                boolean end = sig == 0x02014b50 || sig == 0x06054b50 || sig == 0x06064b50;
                return new Walk(members, end ? null : "unexpected bytes at offset " + pos);
            }
            if (members.size() >= maxEntries) return new Walk(members, "more than " + maxEntries + " members");
            int flags = LittleEndian.u16(h, 6);
            int method = LittleEndian.u16(h, 8);
            long compressed = LittleEndian.u32(h, 18);
            long uncompressed = LittleEndian.u32(h, 22);
            int nameLength = LittleEndian.u16(h, 26);
            int extraLength = LittleEndian.u16(h, 28);
            byte[] nameAndExtra = ZipFile64.read(channel, pos + 30, nameLength + extraLength);
            boolean zip64 = false;
            for (int p = nameLength; p + 4 <= nameAndExtra.length; ) {
                int id = LittleEndian.u16(nameAndExtra, p);
                int len = LittleEndian.u16(nameAndExtra, p + 2);
                if (id == 0x0001 && len >= 16 && p + 20 <= nameAndExtra.length) {
                    zip64 = true;
                    uncompressed = LittleEndian.u64(nameAndExtra, p + 4);
                    compressed = LittleEndian.u64(nameAndExtra, p + 12);
                }
                p += 4 + len;
            }
            String name = ZipNames.decode(java.util.Arrays.copyOf(nameAndExtra, nameLength), flags);
            long data = pos + 30 + nameLength + extraLength;
            boolean descriptor = (flags & 0x8) != 0;
            if (descriptor && (compressed == 0 || compressed == U32_MAX)) {
                compressed = switch (method) {
                    case ZipMember.DEFLATED -> inflatedLength(channel, data, maxRatio);
                    case ZipMember.STORED -> storedLength(channel, data);
                    default -> -1;
                };
                if (compressed < 0) {
                    return new Walk(members, "member " + name + " has no recorded size and cannot be delimited");
                }
            }
            if (compressed < 0 || data + compressed > size) {
                return new Walk(members, "member " + name + " runs past the end of the file");
            }
            members.add(new ZipMember(name, flags, method, pos, data, compressed, uncompressed));
            pos = data + compressed;
            if (descriptor) pos += descriptorLength(channel, pos, zip64);
        }
        return new Walk(members, null);
    }

    private static long firstHeader(FileChannel channel) throws IOException {
        long limit = Math.min(channel.size(), MAX_PREFIX);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(limit, 1 << 16) + 3);
        for (long base = 0; base < limit; base += buffer.capacity() - 3) {
            buffer.clear();
            int n = channel.read(buffer, base);
            if (n < 4) break;
            byte[] b = buffer.array();
            for (int i = 0; i + 4 <= n; i++) {
                if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4) return base + i;
            }
        }
        return -1;
    }

    private static int descriptorLength(FileChannel channel, long pos, boolean zip64) throws IOException {
        int sizes = zip64 ? 16 : 8;
        if (pos + 4 <= channel.size() && LittleEndian.u32(ZipFile64.read(channel, pos, 4), 0) == DESCRIPTOR) {
            return 4 + 4 + sizes;
        }
        return 4 + sizes;
    }

    /** Compressed length of the deflate stream at {@code data}, by inflating it (output discarded, ratio-bounded). */
    private static long inflatedLength(FileChannel channel, long data, long maxRatio) throws IOException {
        var inflater = new Inflater(true);
        try {
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            byte[] out = new byte[1 << 16];
            long pos = data;
            long produced = 0;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    in.clear();
                    int n = channel.read(in, pos);
                    if (n <= 0) return -1;
                    pos += n;
                    inflater.setInput(in.array(), 0, n);
                }
                produced += inflater.inflate(out);
                if (inflater.needsDictionary()) return -1;
                if (produced > ExpansionGuard.RATIO_FLOOR && produced > maxRatio * Math.max(1, inflater.getBytesRead())) {
                    return -1;
                }
            }
            return inflater.getBytesRead();
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    /** Length of stored data ended by a descriptor: the first descriptor signature whose size field matches. */
    private static long storedLength(FileChannel channel, long data) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (long base = data; base < size; base += buffer.capacity() - 16) {
            buffer.clear();
            int n = channel.read(buffer, base);
            if (n < 16) break;
            byte[] b = buffer.array();
            for (int i = 0; i + 16 <= n; i++) {
                if (LittleEndian.u32(b, i) == DESCRIPTOR && LittleEndian.u32(b, i + 8) == base + i - data) {
                    return base + i - data;
                }
            }
            if (n < buffer.capacity()) break;
        }
        return -1;
    }
}
