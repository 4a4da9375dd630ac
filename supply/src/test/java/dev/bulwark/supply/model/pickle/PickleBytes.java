package dev.bulwark.supply.model.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds pickles byte by byte, so each test states exactly which opcodes it feeds the simulator. */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes proto(int version) {
        return new PickleBytes().op(Opcode.PROTO).u8(version);
    }

    static PickleBytes protocol0() {
        return new PickleBytes();
    }

    PickleBytes op(Opcode op) {
        out.write(op.code);
        return this;
    }

    PickleBytes raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    PickleBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    PickleBytes u8(int v) {
        out.write(v);
        return this;
    }

    PickleBytes le(long v, int width) {
        for (int k = 0; k < width; k++) out.write((int) (v >>> (8 * k)) & 0xFF);
        return this;
    }

    /** GLOBAL 'module\nname\n'. */
    PickleBytes global(String module, String name) {
        return op(Opcode.GLOBAL).ascii(module + "\n" + name + "\n");
    }

    /** SHORT_BINUNICODE. */
    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return op(Opcode.SHORT_BINUNICODE).u8(b.length).raw(b);
    }

    /** STRING in protocol-0 quoting. */
    PickleBytes quoted(String s) {
        return op(Opcode.STRING).ascii("'" + s + "'\n");
    }

    PickleBytes memoize() {
        return op(Opcode.MEMOIZE);
    }

    /** STACK_GLOBAL of two pushed strings. */
    PickleBytes stackGlobal(String module, String name) {
        return str(module).str(name).op(Opcode.STACK_GLOBAL);
    }

    /** callable already on the stack: push (arg,) and REDUCE. */
    PickleBytes callWith(String arg) {
        return str(arg).op(Opcode.TUPLE1).op(Opcode.REDUCE);
    }

    PickleBytes stop() {
        return op(Opcode.STOP);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
