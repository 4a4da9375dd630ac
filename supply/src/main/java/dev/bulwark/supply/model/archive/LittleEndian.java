package dev.bulwark.supply.model.archive;

/** Little-endian field access into a byte array (zip and tar headers). */
final class LittleEndian {
    private LittleEndian() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    /** Unsigned 64-bit; values beyond {@link Long#MAX_VALUE} come back negative and are rejected by callers. */
    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
