package dev.bulwark.supply.model.formats;

import dev.bulwark.supply.model.Head;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognition of a protobuf message from the first bytes of a file, without a schema library: walks the top-level
 * fields the head holds and checks each against the expected message's field numbers and wire types. A field that
 * runs past the head is fine as long as it fits in the file.
 */
final class ProtoProbe {
    /** Which field numbers a message defines, and with which wire type. */
    @FunctionalInterface
    interface Schema {
        boolean allows(int field, int wireType);
    }

    /** A top-level field seen in the head: number, wire type, and its value when a varint (else -1). */
    record Field(int number, int wireType, long varint, int valueOffset) {
    }

    private ProtoProbe() {
    }

    /** The fields the head shows, or null when the head breaks the wire format or the schema. */
    static List<Field> fields(Head head, Schema schema) {
        byte[] bytes = head.bytes();
        long fileSize = head.size() >= 0 ? head.size() : Long.MAX_VALUE;
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            long[] tag = varint(bytes, i);
            if (tag == null) return fields.isEmpty() ? null : fields; // head ends inside a tag
            i = (int) tag[1];
            int number = (int) (tag[0] >>> 3);
            int wireType = (int) (tag[0] & 7);
            if (tag[0] >>> 32 != 0 || number == 0 || !schema.allows(number, wireType)) return null;
            long value = -1;
            switch (wireType) {
                case ProtoReader.VARINT -> {
                    long[] v = varint(bytes, i);
                    if (v == null) return fields;
                    value = v[0];
                    fields.add(new Field(number, wireType, value, i));
                    i = (int) v[1];
                }
                case ProtoReader.LEN -> {
                    long[] length = varint(bytes, i);
                    if (length == null) return fields;
                    if (length[0] < 0 || length[1] + length[0] > fileSize) return null;
                    fields.add(new Field(number, wireType, -1, (int) length[1]));
                    if (length[1] + length[0] >= bytes.length) return fields;
                    i = (int) (length[1] + length[0]);
                }
                case ProtoReader.I64 -> {
                    fields.add(new Field(number, wireType, -1, i));
                    i += 8;
                }
                case ProtoReader.I32 -> {
                    fields.add(new Field(number, wireType, -1, i));
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return fields;
    }

    /** {value, offset after it}, or null when the bytes end first or the varint is over-long. */
    static long[] varint(byte[] bytes, int from) {
        long value = 0;
        for (int k = 0; k < 10; k++) {
            if (from + k >= bytes.length) return null;
            int b = bytes[from + k] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * k);
            if ((b & 0x80) == 0) return new long[] {value, from + k + 1};
        }
        return null;
    }
}
