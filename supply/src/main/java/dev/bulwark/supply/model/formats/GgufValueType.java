package dev.bulwark.supply.model.formats;

/** GGUF metadata value types, by their on-disk code; fixed-width types carry their size in bytes. */
enum GgufValueType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1), STRING(-1), ARRAY(-1),
    UINT64(8), INT64(8), FLOAT64(8);

    private final int width;

    GgufValueType(int width) {
        this.width = width;
    }

    /** Size in bytes for fixed-width types, -1 for strings and arrays. */
    int width() {
        return width;
    }

    static GgufValueType byCode(long code, long offset) throws MalformedModelException {
        if (code < 0 || code >= values().length) {
            throw new MalformedModelException("unknown metadata value type " + code, offset);
        }
        return values()[(int) code];
    }
}
