package dev.bulwark.supply.model.formats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writers of small, valid model files (and their broken variants) for the format tests. */
final class Samples {
    private Samples() {
    }

    static byte[] safetensors(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        return out.array();
    }

    /** A GGUF writer: header, metadata entries, tensor infos (data is left out; only its offsets matter). */
    static final class Gguf {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final ByteOrder order;
        private final int version;
        private int entries;
        private int tensors;
        private final ByteArrayOutputStream tensorInfos = new ByteArrayOutputStream();

        Gguf(ByteOrder order, int version) {
            this.order = order;
            this.version = version;
        }

        Gguf() {
            this(ByteOrder.LITTLE_ENDIAN, 3);
        }

        Gguf string(String key, String value) {
            key(key);
            u32(body, 8);
            str(body, value);
            return this;
        }

        Gguf u32(String key, int value) {
            key(key);
            u32(body, 4);
            u32(body, value);
            return this;
        }

        Gguf strings(String key, String... values) {
            key(key);
            u32(body, 9);
            u32(body, 8);
            count(body, values.length);
            for (String v : values) str(body, v);
            return this;
        }

        Gguf floats(String key, int n) {
            key(key);
            u32(body, 9);
            u32(body, 6);
            count(body, n);
            for (int i = 0; i < n; i++) u32(body, Float.floatToIntBits(i));
            return this;
        }

        Gguf tensor(String name, long offset, long... dims) {
            str(tensorInfos, name);
            u32(tensorInfos, dims.length);
            for (long d : dims) u64(tensorInfos, d);
            u32(tensorInfos, 0);
            u64(tensorInfos, offset);
            tensors++;
            return this;
        }

        /** The file, with {@code padding} zero bytes standing in for tensor data. */
        byte[] build(int padding) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
            u32(out, version);
            count(out, tensors);
            count(out, entries);
            out.writeBytes(body.toByteArray());
            out.writeBytes(tensorInfos.toByteArray());
            out.writeBytes(new byte[padding]);
            return out.toByteArray();
        }

        int headerLength() {
            return 4 + 4 + (version == 1 ? 8 : 16);
        }

        private void key(String key) {
            entries++;
            str(body, key);
        }

        private void str(ByteArrayOutputStream out, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            count(out, bytes.length);
            out.writeBytes(bytes);
        }

        private void count(ByteArrayOutputStream out, long n) {
            if (version == 1) u32(out, (int) n);
            else u64(out, n);
        }

        private void u32(ByteArrayOutputStream out, int v) {
            out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(v).array());
        }

        private void u64(ByteArrayOutputStream out, long v) {
            out.writeBytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
        }
    }

    /** A protobuf writer for hand-built ONNX and SavedModel messages. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            tag(field, 0);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto inner) {
            return bytes(field, inner.build());
        }

        Proto bytes(int field, byte[] value) {
            tag(field, 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto rawBytes(byte... bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }

        private void tag(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
