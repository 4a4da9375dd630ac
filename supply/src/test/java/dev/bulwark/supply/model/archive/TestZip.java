package dev.bulwark.supply.model.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips byte by byte, including what java.util.zip refuses to write: duplicate names, an "encrypted" flag on
 * plain data, wrong CRCs, data descriptors with zero sizes in the local header, hidden entries, no directory.
 */
final class TestZip {
    record Entry(String name, byte[] data, boolean deflate, int extraFlags, boolean badCrc, boolean descriptor,
                 boolean hidden, byte[] storedOverride) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean centralDirectory = true;
    private boolean corruptDirectory;
    private byte[] prefix = new byte[0];

    TestZip stored(String name, byte[] data) {
        return add(new Entry(name, data, false, 0, false, false, false, null));
    }

    TestZip deflated(String name, byte[] data) {
        return add(new Entry(name, data, true, 0, false, false, false, null));
    }

    TestZip add(Entry e) {
        entries.add(e);
        return this;
    }

    TestZip withoutDirectory() {
        centralDirectory = false;
        return this;
    }

    TestZip corruptDirectory() {
        corruptDirectory = true;
        return this;
    }

    TestZip prefix(byte[] bytes) {
        prefix = bytes;
        return this;
    }

    byte[] bytes() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        var central = new ByteArrayOutputStream();
        int listed = 0;
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] body = e.storedOverride() != null ? e.storedOverride() : e.deflate() ? deflate(e.data()) : e.data();
            var crc = new CRC32();
            crc.update(e.data());
            long crcValue = e.badCrc() ? crc.getValue() ^ 0x5A5A5A5AL : crc.getValue();
            int flags = 0x800 | e.extraFlags() | (e.descriptor() ? 0x8 : 0);
            int method = e.deflate() ? 8 : 0;
            long offset = out.size();
            u32(out, 0x04034b50);
            u16(out, 20);
            u16(out, flags);
            u16(out, method);
            u16(out, 0);
            u16(out, 0x21);
            u32(out, e.descriptor() ? 0 : crcValue);
            u32(out, e.descriptor() ? 0 : body.length);
            u32(out, e.descriptor() ? 0 : e.data().length);
            u16(out, name.length);
            u16(out, 0);
            out.writeBytes(name);
            out.writeBytes(body);
            if (e.descriptor()) {
                u32(out, 0x08074b50);
                u32(out, crcValue);
                u32(out, body.length);
                u32(out, e.data().length);
            }
            if (e.hidden()) continue;
            listed++;
            u32(central, 0x02014b50);
            u16(central, 20);
            u16(central, 20);
            u16(central, flags);
            u16(central, method);
            u16(central, 0);
            u16(central, 0x21);
            u32(central, crcValue);
            u32(central, body.length);
            u32(central, e.data().length);
            u16(central, name.length);
            u16(central, 0);
            u16(central, 0);
            u16(central, 0);
            u16(central, 0);
            u32(central, 0);
            u32(central, offset);
            central.writeBytes(name);
        }
        if (!centralDirectory) return out.toByteArray();
        long cdOffset = out.size();
        byte[] cd = central.toByteArray();
        if (corruptDirectory && cd.length > 4) cd[1] = 'X'; // breaks the first entry's signature
        out.writeBytes(cd);
        u32(out, 0x06054b50);
        u16(out, 0);
        u16(out, 0);
        u16(out, listed);
        u16(out, listed);
        u32(out, cd.length);
        u32(out, cdOffset - prefix.length + prefix.length);
        u16(out, 0);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xFFFF));
        u16(out, (int) ((v >>> 16) & 0xFFFF));
    }
}
