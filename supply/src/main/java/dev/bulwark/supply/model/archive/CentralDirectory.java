package dev.bulwark.supply.model.archive;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory (what Python's zipfile and PyTorch's reader trust): the end record (searched in the
 * last 64 KiB, Zip64 when needed), the entries, and each entry's local header to find where its data starts. Data
 * prefixed to the archive (self-extracting stubs, polyglots) is allowed for, as zipfile does.
 */
final class CentralDirectory {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    static final int LOCAL = 0x04034b50;
    private static final long U32_MAX = 0xFFFFFFFFL;

    /** The members, in directory order, and where the directory starts (for the gap check). */
    record Listing(List<ZipMember> members, long directoryStart, boolean truncated) {
    }

    private CentralDirectory() {
    }

    /**
     * Position of the end-of-central-directory record: the last signature in the final 64 KiB whose directory
     * fits before it, or -1.
     */
    static long endRecord(FileChannel channel) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, 22 + 65_535);
        if (tailLength < 22) return -1;
        byte[] tail = ZipFile64.read(channel, size - tailLength, tailLength);
        for (int i = tailLength - 22; i >= 0; i--) {
            if (LittleEndian.u32(tail, i) == EOCD) {
                long pos = size - tailLength + i;
                long cdSize = LittleEndian.u32(tail, i + 12);
                if (cdSize == U32_MAX || (cdSize == 0 && LittleEndian.u16(tail, i + 10) == 0)) return pos;
                if (pos >= 20 && LittleEndian.u32(ZipFile64.read(channel, pos - 20, 4), 0) == ZIP64_LOCATOR) return pos;
                // the directory must end right at the record and start with an entry signature
                if (cdSize >= 46 && cdSize <= pos
                        && LittleEndian.u32(ZipFile64.read(channel, pos - cdSize, 4), 0) == CENTRAL) {
                    return pos;
                }
            }
        }
        return -1;
    }

    static Listing read(Path file, FileChannel channel, int maxEntries) throws IOException {
        long eocdPos = endRecord(channel);
        if (eocdPos < 0) throw new ZipFormatException("no end of central directory record");
        byte[] tail = ZipFile64.read(channel, eocdPos, 22);
        int at = 0;
        long entries = LittleEndian.u16(tail, at + 10);
        long cdSize = LittleEndian.u32(tail, at + 12);
        long cdOffset = LittleEndian.u32(tail, at + 16);
        long recordStart = eocdPos;
        if ((entries == 0xFFFF || cdSize == U32_MAX || cdOffset == U32_MAX) && eocdPos >= 20) {
            byte[] locator = ZipFile64.read(channel, eocdPos - 20, 20);
            if (LittleEndian.u32(locator, 0) == ZIP64_LOCATOR) {
                long zip64Pos = LittleEndian.u64(locator, 8);
                byte[] record = ZipFile64.read(channel, zip64Pos, 56);
                if (LittleEndian.u32(record, 0) != ZIP64_EOCD) throw new ZipFormatException("bad Zip64 end record");
                entries = LittleEndian.u64(record, 32);
                cdSize = LittleEndian.u64(record, 40);
                cdOffset = LittleEndian.u64(record, 48);
                recordStart = eocdPos - 20 - 56;
            }
        }
        long shift = recordStart - cdSize - cdOffset;
        if (entries < 0 || cdSize < 0 || cdOffset < 0 || shift < 0) {
            throw new ZipFormatException("central directory size or offset is inconsistent");
        }
        long cdStart = cdOffset + shift;
        boolean truncated = entries > maxEntries;
        var members = new ArrayList<ZipMember>((int) Math.min(entries, 1024));
        try (var in = new DataInputStream(BoundedChannelStream.open(file, cdStart, cdSize))) {
            byte[] fixed = new byte[46];
            for (long i = 0; i < Math.min(entries, maxEntries); i++) {
                in.readFully(fixed);
                if (LittleEndian.u32(fixed, 0) != CENTRAL) throw new ZipFormatException("bad central directory entry " + i);
                members.add(entry(channel, in, fixed, shift));
            }
        } catch (java.io.EOFException e) {
            throw new ZipFormatException("central directory ends before its " + entries + " entries");
        }
        return new Listing(members, cdStart, truncated);
    }

    private static ZipMember entry(FileChannel channel, DataInputStream in, byte[] f, long shift) throws IOException {
        int flags = LittleEndian.u16(f, 8);
        int method = LittleEndian.u16(f, 10);
        long compressed = LittleEndian.u32(f, 20);
        long size = LittleEndian.u32(f, 24);
        byte[] name = new byte[LittleEndian.u16(f, 28)];
        byte[] extra = new byte[LittleEndian.u16(f, 30)];
        int commentLength = LittleEndian.u16(f, 32);
        long localOffset = LittleEndian.u32(f, 42);
        in.readFully(name);
        in.readFully(extra);
        in.skipNBytes(commentLength);
        // Zip64 extra field: only the fields saturated in the fixed part are present, in this order
        for (int p = 0; p + 4 <= extra.length; ) {
            int id = LittleEndian.u16(extra, p);
            int len = LittleEndian.u16(extra, p + 2);
            if (id == 0x0001) {
                int q = p + 4;
                int end = Math.min(extra.length, q + len);
                if (size == U32_MAX && q + 8 <= end) { size = LittleEndian.u64(extra, q); q += 8; }
                if (compressed == U32_MAX && q + 8 <= end) { compressed = LittleEndian.u64(extra, q); q += 8; }
                if (localOffset == U32_MAX && q + 8 <= end) { localOffset = LittleEndian.u64(extra, q); }
                break;
            }
            p += 4 + len;
        }
        if (compressed < 0 || size < 0 || localOffset < 0) throw new ZipFormatException("entry sizes out of range");
        long header = localOffset + shift;
        byte[] local = ZipFile64.read(channel, header, 30);
        if (LittleEndian.u32(local, 0) != LOCAL) {
            throw new ZipFormatException("entry " + ZipNames.decode(name, flags) + " points to no local header");
        }
        long data = header + 30 + LittleEndian.u16(local, 26) + LittleEndian.u16(local, 28);
        return new ZipMember(ZipNames.decode(name, flags), flags, method, header, data, compressed, size);
    }
}
