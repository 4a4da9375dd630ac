package dev.bulwark.supply.model.pickle;

import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.pickle.PickleValue.Call;
import dev.bulwark.supply.model.pickle.PickleValue.Dict;
import dev.bulwark.supply.model.pickle.PickleValue.Global;
import dev.bulwark.supply.model.pickle.PickleValue.Int;
import dev.bulwark.supply.model.pickle.PickleValue.Opaque;
import dev.bulwark.supply.model.pickle.PickleValue.Str;
import dev.bulwark.supply.model.pickle.PickleValue.Tup;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Simulates the pickle virtual machine over one pickle (up to its STOP) without ever creating the objects: the
 * stack, mark stack and memo hold {@link PickleValue} summaries, so every import is resolved to "module.name" with
 * its offset however it is spelled (GLOBAL, INST, STACK_GLOBAL with names from the memo), and a pickle CPython
 * would reject (unknown opcode, stack underflow, missing memo key, truncation) is reported as such. Runs of common
 * opcodes go through {@link #common}, a fast loop over the buffer; every other opcode through {@link #step}.
 */
final class PickleMachine {
    enum End { STOPPED, NOT_A_PICKLE, BROKEN }

    /**
     * How one run ended. {@code offset}/{@code reason} say where and why it broke; {@code imports} counts the
     * imports seen, {@code framed} whether it began with a PROTO header of protocol 2 or later, {@code opcodes}
     * how many opcodes ran.
     */
    record Run(End end, long offset, String reason, int imports, boolean framed, long opcodes) {
    }

    /** CPython would refuse to load past this point. */
    private static final class Broken extends Exception {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    /** Text longer than this is not kept: no module or attribute name is that long. */
    static final int MAX_KEPT_TEXT = 256;
    private static final int MAX_NESTED = 8;
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final PickleSource src;
    private final ScanLimits limits;
    private final PickleObserver observer;
    private final boolean probing;
    private final int nesting;
    private final boolean commonLoop;
    private final PickleMemo memo = new PickleMemo();
    private PickleValue[] stack = new PickleValue[64];
    private int size;
    private int[] marks = new int[16];
    private int markTop;
    private int imports;
    private long opcodeAt;
    private int opcode;
    private int protocol = -1;

    /**
     * @param probing when true (deciding whether a head of bytes is a pickle at all) GLOBAL and INST operands must
     *                be dotted identifiers, so text that happens to start with 'c' or 'i' is not taken for a pickle
     */
    PickleMachine(PickleSource src, ScanLimits limits, PickleObserver observer, boolean probing, int nesting) {
        this(src, limits, observer, probing, nesting, true);
    }

    /** @param commonLoop false runs every opcode through {@link #step} alone (tests compare the two paths) */
    PickleMachine(PickleSource src, ScanLimits limits, PickleObserver observer, boolean probing, int nesting,
            boolean commonLoop) {
        this.commonLoop = commonLoop;
        this.src = src;
        this.limits = limits;
        this.observer = observer;
        this.probing = probing;
        this.nesting = nesting;
    }

    /**
     * Runs one pickle. With {@code followOn} (a pickle after another one's STOP) a first byte that cannot start a
     * pickle ends the run as {@link End#NOT_A_PICKLE} instead of breaking it.
     */
    Run run(boolean followOn) throws IOException {
        boolean framed = false;
        long ops = 0;
        long maxOps = limits.maxPickleOps();
        try {
            while (true) {
                if (ops > 0 && commonLoop) ops = common(ops, maxOps);
                opcodeAt = src.position();
                opcode = src.read();
                if (opcode < 0) {
                    return ops == 0 ? new Run(End.NOT_A_PICKLE, opcodeAt, "empty", 0, false, 0)
                            : new Run(End.BROKEN, opcodeAt, "pickle ends without a STOP opcode (truncated)", imports,
                                    framed, ops);
                }
                if (ops == 0 && followOn && !PickleStart.plausible(opcode)) {
                    return new Run(End.NOT_A_PICKLE, opcodeAt, "not a pickle", 0, false, 0);
                }
                if (++ops > maxOps) throw new Broken("more than " + limits.maxPickleOps() + " opcodes");
                if (opcode == '.') {
                    pop();
                    return new Run(End.STOPPED, opcodeAt, "", imports, framed, ops);
                }
                step();
                if (ops == 1) framed = protocol >= 2;
            }
        } catch (PickleSource.EndOfInput e) {
            return new Run(End.BROKEN, opcodeAt, "input ends inside " + Opcode.describe(opcode) + " at offset "
                    + opcodeAt + " (truncated)", imports, framed, ops);
        } catch (Broken | TextArgs.Malformed e) {
            return new Run(End.BROKEN, opcodeAt, e.getMessage() + " (" + Opcode.describe(opcode) + " at offset "
                    + opcodeAt + ")", imports, framed, ops);
        }
    }

    /**
     * Bytes the common loop wants buffered past an opcode: LONG1's length byte and an 8-byte read, whatever the
     * length (the read is masked to it), so no operand needs a check of its own.
     */
    private static final int COMMON_OPERAND = 9;
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Runs the opcodes real pickles are mostly made of with the stack, the buffer and the position in local
     * variables (the general path keeps them in fields, read and written again for every opcode), as long as each
     * opcode is sure to complete without an error, an observer call or a refill; returns the new opcode count.
     * Whatever it declines (rare opcodes, STOP, a full stack, a missing memo key, an imported object being filled,
     * operands near the end of the buffer, the opcode limit) it leaves untouched for {@link #step}, which reports
     * errors with their offsets: this loop does exactly what step would, only sooner.
     */
    private long common(long ops, long maxOps) {
        byte[] buf = src.buffered();
        int pos = src.bufferedFrom();
        int limit = src.bufferedTo();
        int end = limit - COMMON_OPERAND;
        PickleValue[] stack = this.stack;
        int size = this.size;
        int[] marks = this.marks;
        int markTop = this.markTop;
        int base = markTop == 0 ? 0 : marks[markTop - 1];
        loop:
        while (pos < end && ops < maxOps && size < stack.length) { // one push always fits
            int next = pos + 1;
            PickleValue pushed = null;
            switch (buf[pos] & 0xFF) {
                case 'K' -> {
                    pushed = Int.of(buf[pos + 1] & 0xFF);
                    next = pos + 2;
                }
                case 'M' -> {
                    pushed = Int.of((short) SHORT_LE.get(buf, pos + 1) & 0xFFFF);
                    next = pos + 3;
                }
                case 'J' -> {
                    pushed = Int.of((int) INT_LE.get(buf, pos + 1));
                    next = pos + 5;
                }
                case 0x8a -> {
                    int n = buf[pos + 1] & 0xFF;
                    if (n > 8) break loop;
                    pushed = Int.of(n == 0 ? 0 : (long) LONG_LE.get(buf, pos + 2) << (64 - 8 * n) >> (64 - 8 * n));
                    next = pos + 2 + n;
                }
                case 'G' -> {
                    pushed = Opaque.FLOAT;
                    next = pos + 9;
                }
                case 0x8c, 'X' -> {
                    boolean shortForm = (buf[pos] & 0xFF) == 0x8c;
                    long n = shortForm ? buf[pos + 1] & 0xFF : u32(buf, pos + 1);
                    int from = pos + (shortForm ? 2 : 5);
                    if (n > MAX_KEPT_TEXT || n > limit - from) break loop;
                    pushed = new Str(Arrays.copyOfRange(buf, from, from + (int) n), StandardCharsets.UTF_8);
                    next = from + (int) n;
                }
                case 'N' -> pushed = Opaque.NONE;
                case 0x88, 0x89 -> pushed = Opaque.BOOL;
                case ']' -> pushed = Opaque.LIST;
                case ')' -> pushed = Tup.EMPTY;
                case '}' -> pushed = new Dict();
                case '(' -> {
                    if (markTop == marks.length) break loop;
                    marks[markTop++] = size;
                    base = size;
                }
                case 't' -> {
                    if (markTop == 0) break loop;
                    int from = marks[--markTop];
                    pushed = Tup.of(stack, from, size);
                    size = from;
                    base = markTop == 0 ? 0 : marks[markTop - 1];
                }
                case 0x85, 0x86, 0x87 -> {
                    int n = (buf[pos] & 0xFF) - 0x84;
                    if (size - base < n) break loop;
                    pushed = Tup.of(stack, size - n, size);
                    size -= n;
                }
                case 'a' -> {
                    if (size - base < 2 || stack[size - 2] instanceof Global) break loop;
                    size--;
                }
                case 'e', 0x90 -> {
                    if (markTop == 0) break loop;
                    int from = marks[markTop - 1];
                    int below = markTop == 1 ? 0 : marks[markTop - 2];
                    if (from - below < 1 || stack[from - 1] instanceof Global) break loop;
                    markTop--;
                    size = from;
                    base = below;
                }
                case 's' -> {
                    if (size - base < 3 || stack[size - 3] instanceof Global) break loop;
                    if (stack[size - 3] instanceof Dict d) d.put(stack[size - 2], stack[size - 1]);
                    size -= 2;
                }
                case 'u' -> {
                    if (markTop == 0) break loop;
                    int from = marks[markTop - 1];
                    int below = markTop == 1 ? 0 : marks[markTop - 2];
                    if ((size - from) % 2 != 0 || from == below || stack[from - 1] instanceof Global) break loop;
                    if (stack[from - 1] instanceof Dict d) for (int k = from; k < size; k += 2) d.put(stack[k], stack[k + 1]);
                    markTop--;
                    size = from;
                    base = below;
                }
                case 'h', 'j' -> {
                    boolean shortForm = (buf[pos] & 0xFF) == 'h';
                    PickleValue v = memo.get(shortForm ? buf[pos + 1] & 0xFF : u32(buf, pos + 1));
                    if (v == null) break loop;
                    pushed = v;
                    next = pos + (shortForm ? 2 : 5);
                }
                case 'q', 'r', 0x94 -> {
                    if (size - base < 1) break loop;
                    int op = buf[pos] & 0xFF;
                    long key = op == 'q' ? buf[pos + 1] & 0xFF : op == 'r' ? u32(buf, pos + 1) : memo.size();
                    memo.put(key, stack[size - 1]);
                    next = pos + (op == 'q' ? 2 : op == 'r' ? 5 : 1);
                }
                default -> {
                    break loop;
                }
            }
            if (pushed != null) stack[size++] = pushed;
            pos = next;
            ops++;
        }
        src.consumeTo(pos);
        this.size = size;
        this.markTop = markTop;
        return ops;
    }

    /** An unsigned little-endian 4-byte integer at {@code at}. */
    private static long u32(byte[] buf, int at) {
        return (int) INT_LE.get(buf, at) & 0xFFFF_FFFFL;
    }

    /**
     * The opcodes real pickles are made of, in a switch small enough for the JIT to inline its callees (one big
     * switch over every opcode was compiled with calls left in, at half the speed); the rest go to
     * {@link #rareStep}.
     */
    private void step() throws IOException, PickleSource.EndOfInput, Broken, TextArgs.Malformed {
        switch (opcode) {
            case 'J' -> push(Int.of((int) src.littleEndian(4)));
            case 'K' -> push(Int.of(src.u8()));
            case 'M' -> push(Int.of(src.littleEndian(2)));
            case 0x8a -> push(longBytes(src.u8()));
            case 'G' -> {
                src.skip(8);
                push(Opaque.FLOAT);
            }
            case 'X' -> push(binText(src.littleEndian(4), StandardCharsets.UTF_8));
            case 0x8c -> push(binText(src.u8(), StandardCharsets.UTF_8));
            case 'N' -> push(Opaque.NONE);
            case 0x88, 0x89 -> push(Opaque.BOOL);
            case ']' -> push(Opaque.LIST);
            case ')' -> push(Tup.EMPTY);
            case '}' -> push(new Dict());
            case 't' -> push(tupleFromMark());
            case 0x85 -> push(tupleOfTop(1));
            case 0x86 -> push(tupleOfTop(2));
            case 0x87 -> push(tupleOfTop(3));
            case 'a' -> {
                need(2);
                pop();
                mutate(top());
            }
            case 'e', 0x90 -> {
                popMark();
                need(1);
                mutate(top());
            }
            case 's' -> setItem();
            case 'u' -> setItems();
            case '(' -> pushMark();
            case 'h' -> memoGet(src.u8());
            case 'q' -> memoPut(src.u8());
            case 0x94 -> memoPut(memo.size());
            case 0x95 -> length(src.littleEndian(8), 8);
            default -> rareStep();
        }
    }

    private void rareStep() throws IOException, PickleSource.EndOfInput, Broken, TextArgs.Malformed {
        switch (opcode) {
            // numbers
            case 'I' -> push(integer(src.line(64), true));
            case 'L' -> push(integer(src.line(64), false));
            case 0x8b -> push(longBytes(length(src.littleEndian(4), 4)));
            case 'F' -> {
                src.line(64);
                push(Opaque.FLOAT);
            }
            // text and bytes
            case 'S' -> push(text(TextArgs.quoted(src.line(MAX_KEPT_TEXT + 2)), src.lineTruncated()));
            case 'V' -> push(text(TextArgs.rawUnicode(src.line(MAX_KEPT_TEXT * 10)), src.lineTruncated()));
            case 'T' -> push(binText(length(src.littleEndian(4), 4), StandardCharsets.ISO_8859_1));
            case 'U' -> push(binText(src.u8(), StandardCharsets.ISO_8859_1));
            case 0x8d -> push(binText(length(src.littleEndian(8), 8), StandardCharsets.UTF_8));
            case 'B' -> skipBytes(src.littleEndian(4));
            case 'C' -> skipBytes(src.u8());
            case 0x8e, 0x96 -> skipBytes(length(src.littleEndian(8), 8));
            case 0x97 -> push(Opaque.BUFFER);
            case 0x98 -> need(1);
            // constants
            // containers
            case 0x8f -> push(Opaque.SET);
            case 'l' -> {
                popMark();
                push(Opaque.LIST);
            }
            case 'd' -> push(dictFromMark());
            case 0x91 -> {
                popMark();
                push(Opaque.SET);
            }
            // stack and marks
            case '0' -> popOrMark();
            case '2' -> push(top());
            case '1' -> popMark();
            // memo
            case 'g' -> memoGet(decimalKey());
            case 'j' -> memoGet(src.littleEndian(4));
            case 'p' -> memoPut(decimalKey());
            case 'r' -> memoPut(src.littleEndian(4));
            // imports and calls
            case 'c' -> push(lineGlobal(Opcode.GLOBAL));
            case 0x93 -> stackGlobal();
            case 'i' -> inst();
            case 'o' -> obj();
            case 'R' -> {
                PickleValue args = pop();
                push(new Call(pop(), args));
            }
            case 0x81 -> {
                PickleValue args = pop();
                push(new Call(pop(), args));
            }
            case 0x92 -> {
                pop(); // kwargs
                PickleValue args = pop();
                push(new Call(pop(), args));
            }
            case 'b' -> build();
            case 0x82 -> extension(src.u8());
            case 0x83 -> extension(src.littleEndian(2));
            case 0x84 -> extension((int) src.littleEndian(4));
            case 'P' -> {
                src.line(MAX_KEPT_TEXT);
                push(Opaque.PERSISTENT);
            }
            case 'Q' -> {
                pop();
                push(Opaque.PERSISTENT);
            }
            // framing
            case 0x80 -> {
                protocol = src.u8();
                if (protocol > 5) throw new Broken("unsupported pickle protocol " + protocol);
            }
            default -> throw new Broken("unknown opcode");
        }
    }

    // ---- stack ----

    // push and pushMark stay tiny so the JIT inlines them into every opcode; growth is the rare path.
    private void push(PickleValue v) throws Broken {
        if (size == stack.length) growStack();
        stack[size++] = v;
    }

    private void growStack() throws Broken {
        if (size >= limits.maxStackDepth()) throw new Broken("stack deeper than " + limits.maxStackDepth());
        stack = Arrays.copyOf(stack, Math.min(size * 2, limits.maxStackDepth()));
    }

    private int base() {
        return markTop == 0 ? 0 : marks[markTop - 1];
    }

    private void need(int n) throws Broken {
        if (size - base() < n) throw new Broken("stack underflow");
    }

    private PickleValue pop() throws Broken {
        need(1);
        return stack[--size];
    }

    private PickleValue top() throws Broken {
        need(1);
        return stack[size - 1];
    }

    private void pushMark() throws Broken {
        if (markTop == marks.length) growMarks();
        marks[markTop++] = size;
    }

    private void growMarks() throws Broken {
        if (markTop >= limits.maxStackDepth()) throw new Broken("marks deeper than " + limits.maxStackDepth());
        marks = Arrays.copyOf(marks, Math.min(markTop * 2, limits.maxStackDepth()));
    }

    /** Pops the topmost mark and returns where its items start; the items stay until the caller drops them. */
    private int markStart() throws Broken {
        if (markTop == 0) throw noMark();
        return marks[--markTop];
    }

    private static Broken noMark() {
        return new Broken("no MARK on the stack");
    }

    /** Slots above the new top keep stale references until overwritten: bounded by the stack limit, and cheaper. */
    private void truncateTo(int newSize) {
        size = newSize;
    }

    private void popMark() throws Broken {
        truncateTo(markStart());
    }

    /** CPython's POP drops the top item, or the mark itself when nothing was pushed since it. */
    private void popOrMark() throws Broken {
        if (size > base()) pop();
        else popMark();
    }

    private Tup tupleFromMark() throws Broken {
        int from = markStart();
        Tup t = Tup.of(stack, from, size);
        truncateTo(from);
        return t;
    }

    private Tup tupleOfTop(int n) throws Broken {
        need(n);
        Tup t = Tup.of(stack, size - n, size);
        truncateTo(size - n);
        return t;
    }

    private Dict dictFromMark() throws Broken {
        int from = markStart();
        if ((size - from) % 2 != 0) throw new Broken("odd number of items for DICT");
        Dict d = new Dict();
        for (int k = from; k < size; k += 2) d.put(stack[k], stack[k + 1]);
        truncateTo(from);
        return d;
    }

    private void setItem() throws Broken {
        PickleValue value = pop();
        PickleValue key = pop();
        PickleValue target = top();
        if (target instanceof Dict d) d.put(key, value);
        mutate(target);
    }

    private void setItems() throws Broken {
        int from = markStart();
        if ((size - from) % 2 != 0) throw new Broken("odd number of items for SETITEMS");
        if (from == base()) throw new Broken("stack underflow");
        PickleValue target = stack[from - 1];
        if (target instanceof Dict d) for (int k = from; k < size; k += 2) d.put(stack[k], stack[k + 1]);
        truncateTo(from);
        mutate(target);
    }

    /** Filling an imported object (a module, a class, sys.modules, os.environ) changes global state on load. */
    private void mutate(PickleValue target) {
        if (target instanceof Global g) observer.mutatedImport(g.qualifiedName(), opcodeAt, Opcode.of(opcode));
    }

    // ---- memo ----

    private long decimalKey() throws IOException, PickleSource.EndOfInput, TextArgs.Malformed, Broken {
        Long key = TextArgs.integer(src.line(32));
        if (key == null || key < 0) throw new Broken("bad memo key");
        return key;
    }

    private void memoGet(long key) throws Broken {
        PickleValue v = memo.get(key);
        if (v == null) throw new Broken("memo key " + key + " read before it was written");
        push(v);
    }

    private void memoPut(long key) throws Broken {
        if (key < 0) throw new Broken("negative memo key");
        memo.put(key, top());
    }

    // ---- imports and calls ----

    private Global lineGlobal(Opcode op) throws IOException, PickleSource.EndOfInput, TextArgs.Malformed, Broken {
        String module = TextArgs.utf8(src.line(MAX_KEPT_TEXT * 4));
        boolean longModule = src.lineTruncated();
        String name = TextArgs.utf8(src.line(MAX_KEPT_TEXT * 4));
        if (longModule || src.lineTruncated()) throw new Broken("module or name longer than " + MAX_KEPT_TEXT * 4);
        if (probing && (!DOTTED_NAME.matcher(module).matches() || !DOTTED_NAME.matcher(name).matches())) {
            throw new Broken("not an importable name");
        }
        return imported(module, name, op);
    }

    private Global imported(String module, String name, Opcode op) {
        imports++;
        observer.imported(module, name, opcodeAt, op);
        return new Global(module, name, opcodeAt);
    }

    private void stackGlobal() throws Broken {
        PickleValue name = pop();
        PickleValue module = pop();
        if (module instanceof Str m && name instanceof Str n) {
            push(imported(m.text(), n.text(), Opcode.STACK_GLOBAL));
            return;
        }
        imports++;
        observer.unresolvedImport(shown(module) + "." + shown(name), opcodeAt);
        push(Opaque.UNKNOWN);
    }

    private static String shown(PickleValue v) {
        return switch (v) {
            case Str s -> s.text();
            case Int i -> Long.toString(i.value());
            case Global g -> "<" + g.qualifiedName() + ">";
            case Call c -> "<result of " + shown(c.callable) + ">";
            case Opaque o -> "<" + o.name().toLowerCase(java.util.Locale.ROOT) + ">";
            default -> "<" + v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ">";
        };
    }

    private void inst() throws IOException, PickleSource.EndOfInput, TextArgs.Malformed, Broken {
        Global cls = lineGlobal(Opcode.INST);
        push(new Call(cls, tupleFromMark()));
    }

    private void obj() throws Broken {
        int from = markStart();
        if (size == from) throw new Broken("OBJ without a class");
        PickleValue cls = stack[from];
        Tup args = Tup.of(stack, from + 1, size);
        truncateTo(from);
        push(new Call(cls, args));
    }

    private void build() throws IOException, PickleSource.EndOfInput, Broken {
        PickleValue state = pop();
        PickleValue target = top();
        mutate(target);
        if (target instanceof Call c) c.state = state;
        switch (JoblibArray.after(target, state)) {
            case JoblibArray.None none -> { }
            case JoblibArray.Raw raw -> {
                if (raw.padded()) src.skip(src.u8());
                src.skip(raw.bytes());
            }
            case JoblibArray.Pickled pickled -> nestedArrayPickle();
            case JoblibArray.Unknown unknown -> throw new Broken(unknown.why() + " (cannot find where the pickle resumes)");
        }
    }

    private void nestedArrayPickle() throws IOException, Broken {
        if (nesting >= MAX_NESTED) throw new Broken("joblib object arrays nested deeper than " + MAX_NESTED);
        Run inner = new PickleMachine(src, limits, observer, probing, nesting + 1, commonLoop).run(false);
        imports += inner.imports();
        if (inner.end() != End.STOPPED) throw new Broken("joblib object array pickle: " + inner.reason());
    }

    private void extension(long code) throws Broken {
        if (code <= 0) throw new Broken("extension code " + code + " is not positive");
        imports++;
        observer.extension(code, opcodeAt);
        push(Opaque.UNKNOWN);
    }

    // ---- arguments ----

    private PickleValue integer(byte[] line, boolean shortForm) throws TextArgs.Malformed {
        if (shortForm && line.length == 2 && line[0] == '0' && (line[1] == '0' || line[1] == '1')) return Opaque.BOOL;
        Long v = TextArgs.integer(line);
        return v == null || src.lineTruncated() ? Opaque.NUMBER : Int.of(v);
    }

    private PickleValue longBytes(long n) throws IOException, PickleSource.EndOfInput {
        if (n == 0) return Int.of(0);
        if (n > 8) {
            src.skip(n);
            return Opaque.NUMBER;
        }
        long v = src.littleEndian((int) n);
        int shift = 64 - 8 * (int) n;
        return Int.of(shift == 0 ? v : (v << shift) >> shift);
    }

    /** A length operand: 4-byte ones are signed in CPython, 8-byte ones must fit in a signed long. */
    private static long length(long raw, int width) throws Broken {
        long n = width == 4 ? (int) raw : raw;
        if (n < 0) throw new Broken("negative length");
        return n;
    }

    private static PickleValue text(String s, boolean truncated) {
        return truncated || s.length() > MAX_KEPT_TEXT ? Opaque.TEXT : new Str(s);
    }

    private PickleValue binText(long n, java.nio.charset.Charset charset) throws IOException, PickleSource.EndOfInput {
        if (n > MAX_KEPT_TEXT) {
            src.skip(n);
            return Opaque.TEXT;
        }
        return new Str(src.bytes((int) n), charset);
    }

    private void skipBytes(long n) throws IOException, PickleSource.EndOfInput, Broken {
        src.skip(n);
        push(Opaque.BYTES);
    }
}
