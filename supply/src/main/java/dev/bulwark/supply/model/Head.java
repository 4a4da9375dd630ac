package dev.bulwark.supply.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The first bytes of an input, enough for every format's magic number. */
public record Head(byte[] bytes, long size) {
    public static final int SIZE = 4096;

    public Head {
        bytes = bytes.clone();
    }

    /** The first up to {@link #SIZE} bytes of {@code input} (one bounded read; the stream is closed). */
    public static Head of(ModelInput input) throws IOException {
        try (InputStream in = input.open()) {
            return new Head(in.readNBytes(SIZE), input.size());
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public int at(int index) {
        return index < bytes.length ? bytes[index] & 0xFF : -1;
    }

    /** True when the input starts with {@code magic} at {@code offset}. */
    public boolean startsWith(int offset, byte[] magic) {
        if (offset + magic.length > bytes.length) return false;
        return Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    public boolean startsWith(int offset, String asciiMagic) {
        return startsWith(offset, asciiMagic.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Little-endian unsigned 64-bit value at {@code offset}, or -1 when the head is shorter. */
    public long u64le(int offset) {
        if (offset + 8 > bytes.length) return -1;
        long v = 0;
        for (int k = 7; k >= 0; k--) v = (v << 8) | (bytes[offset + k] & 0xFF);
        return v;
    }
}
