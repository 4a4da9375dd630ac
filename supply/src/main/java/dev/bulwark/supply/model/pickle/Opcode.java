package dev.bulwark.supply.model.pickle;

/**
 * Every opcode of the pickle virtual machine, protocols 0 to 5, as listed by CPython's {@code pickletools}. The
 * simulator dispatches on {@link #code}; the table lets tests walk every opcode and maps a byte back to its name.
 */
public enum Opcode {
    INT('I', 0), BININT('J', 1), BININT1('K', 1), BININT2('M', 1), LONG('L', 0), LONG1(0x8a, 2), LONG4(0x8b, 2),
    STRING('S', 0), BINSTRING('T', 1), SHORT_BINSTRING('U', 1),
    BINBYTES('B', 3), SHORT_BINBYTES('C', 3), BINBYTES8(0x8e, 4), BYTEARRAY8(0x96, 5),
    NEXT_BUFFER(0x97, 5), READONLY_BUFFER(0x98, 5),
    NONE('N', 0), NEWTRUE(0x88, 2), NEWFALSE(0x89, 2),
    UNICODE('V', 0), SHORT_BINUNICODE(0x8c, 4), BINUNICODE('X', 1), BINUNICODE8(0x8d, 4),
    FLOAT('F', 0), BINFLOAT('G', 1),
    EMPTY_LIST(']', 1), APPEND('a', 0), APPENDS('e', 1), LIST('l', 0),
    EMPTY_TUPLE(')', 1), TUPLE('t', 0), TUPLE1(0x85, 2), TUPLE2(0x86, 2), TUPLE3(0x87, 2),
    EMPTY_DICT('}', 1), DICT('d', 0), SETITEM('s', 0), SETITEMS('u', 1),
    EMPTY_SET(0x8f, 4), ADDITEMS(0x90, 4), FROZENSET(0x91, 4),
    POP('0', 0), DUP('2', 0), MARK('(', 0), POP_MARK('1', 1),
    GET('g', 0), BINGET('h', 1), LONG_BINGET('j', 1), PUT('p', 0), BINPUT('q', 1), LONG_BINPUT('r', 1),
    MEMOIZE(0x94, 4),
    EXT1(0x82, 2), EXT2(0x83, 2), EXT4(0x84, 2),
    GLOBAL('c', 0), STACK_GLOBAL(0x93, 4), REDUCE('R', 0), BUILD('b', 0), INST('i', 0), OBJ('o', 1),
    NEWOBJ(0x81, 2), NEWOBJ_EX(0x92, 4),
    PROTO(0x80, 2), STOP('.', 0), FRAME(0x95, 4),
    PERSID('P', 0), BINPERSID('Q', 1);

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) BY_CODE[op.code] = op;
    }

    /** The opcode byte. */
    public final int code;
    /** The first protocol that emits it. */
    public final int protocol;

    Opcode(int code, int protocol) {
        this.code = code;
        this.protocol = protocol;
    }

    /** The opcode for {@code code} (0..255), or null when the pickle machine has no such opcode. */
    public static Opcode of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** A byte for messages: the opcode name, or the hex value of an unknown byte. */
    static String describe(int code) {
        Opcode op = of(code);
        return op != null ? op.name() : String.format("0x%02x", code);
    }
}
