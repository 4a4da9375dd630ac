package dev.bulwark.supply.model.pickle;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the simulator knows about one object on the pickle stack: only what matters for finding imports and
 * sizing joblib arrays. Everything else collapses to an {@link Opaque} marker, and containers keep at most
 * {@link #MAX_ITEMS} items, so memory stays bounded whatever the pickle holds.
 */
sealed interface PickleValue {
    int MAX_ITEMS = 32;

    /**
     * A text object short enough to be a module or attribute name (longer ones are {@link Opaque#TEXT}). Texts read
     * as bytes are decoded on first use: most texts in a big pickle are data that nothing ever reads.
     */
    final class Str implements PickleValue {
        private static final byte UNKNOWN_ROLE = 0;
        private static final byte STATE_KEY = 1;
        private static final byte PLAIN = 2;
        private final byte[] bytes;
        private final boolean latin1; // the charset in a byte: Str stays at 24 bytes with the role below
        /** Whether the text is a key {@link Dict} keeps, worked out once: dict keys are memoised and read again. */
        private byte role = UNKNOWN_ROLE;
        private String text;

        Str(String text) {
            this.bytes = null;
            this.latin1 = false;
            this.text = text;
        }

        /** @param charset UTF-8 or ISO-8859-1, how the opcode that read the bytes encodes its text */
        Str(byte[] bytes, Charset charset) {
            this.bytes = bytes;
            this.latin1 = charset.equals(StandardCharsets.ISO_8859_1);
        }

        boolean isStateKey() {
            byte r = role;
            if (r == UNKNOWN_ROLE) role = r = Dict.read(text()) ? STATE_KEY : PLAIN;
            return r == STATE_KEY;
        }

        String text() {
            String t = text;
            if (t == null) text = t = new String(bytes, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            return t;
        }

        /** Whether the text has at most {@code chars} characters, decoding only when its byte count cannot tell. */
        boolean atMost(int chars) {
            return bytes != null && bytes.length <= chars || text().length() <= chars;
        }

        @Override
        public String toString() {
            return "Str[text=" + text() + "]";
        }
    }

    /** An integer that fits in a long (bigger ones are {@link Opaque#NUMBER}). */
    record Int(long value) implements PickleValue {
        private static final Int[] SMALL = new Int[1024 + 128];

        static {
            for (int k = 0; k < SMALL.length; k++) SMALL[k] = new Int(k - 128);
        }

        /** Shared instances for the small values pickles are full of (BININT1 alone covers 0..255). */
        static Int of(long value) {
            return value >= -128 && value < 1024 ? SMALL[(int) value + 128] : new Int(value);
        }
    }

    /** An imported object: what GLOBAL, STACK_GLOBAL or INST resolved, with the offset of that opcode. */
    record Global(String module, String name, long offset) implements PickleValue {
        String qualifiedName() {
            return module + "." + name;
        }
    }

    /**
     * An immutable tuple of at most {@link #MAX_ITEMS} items; {@code truncated} when it had more. Up to two items sit
     * in fields: pickles are full of pairs, and an array per pair was a third of a big scan's allocation. Three
     * fields only (24 bytes): the item count carries the truncation flag, and a longer tuple's array sits in the
     * first field.
     */
    final class Tup implements PickleValue {
        static final Tup EMPTY = new Tup(0, null, null);
        private static final int TRUNCATED = 1 << 31;
        private final int sizeAndFlag;
        private final Object first; // the first item, or the items of a tuple of more than two
        private final PickleValue second;

        private Tup(int sizeAndFlag, Object first, PickleValue second) {
            this.sizeAndFlag = sizeAndFlag;
            this.first = first;
            this.second = second;
        }

        static Tup of(PickleValue[] stack, int from, int to) {
            int kept = Math.min(to - from, MAX_ITEMS);
            switch (kept) {
                case 0:
                    return EMPTY;
                case 1:
                    return new Tup(1, stack[from], null);
                case 2:
                    return new Tup(2, stack[from], stack[from + 1]);
                default:
                    // a plain loop: Arrays.copyOfRange took a generic, reflective path
                    PickleValue[] items = new PickleValue[kept];
                    for (int k = 0; k < kept; k++) items[k] = stack[from + k];
                    return new Tup(to - from > kept ? kept | TRUNCATED : kept, items, null);
            }
        }

        static Tup of(PickleValue... items) {
            return of(items, 0, items.length);
        }

        int size() {
            return sizeAndFlag & ~TRUNCATED;
        }

        boolean truncated() {
            return (sizeAndFlag & TRUNCATED) != 0;
        }

        PickleValue at(int index) {
            int size = size();
            if (index < 0 || index >= size) return Opaque.UNKNOWN;
            if (size > 2) return ((PickleValue[]) first)[index];
            return index == 0 ? (PickleValue) first : second;
        }
    }

    /**
     * A dict, mutable like the real one (SETITEM fills it after it was memoised); keeps string keys only. One field
     * (16 bytes): a big pickle holds millions of plain data dicts.
     */
    final class Dict implements PickleValue {
        /** Keys at even and values at odd indexes, null past the last entry; null until a key worth keeping. */
        private Object[] entries;

        void put(PickleValue key, PickleValue value) {
            if (!(key instanceof Str s) || !s.isStateKey()) return;
            String text = s.text();
            int at = indexOf(text);
            if (at >= 0) {
                entries[at + 1] = value;
                return;
            }
            int size = size();
            if (size >= MAX_ITEMS) return;
            if (entries == null || 2 * size == entries.length) {
                int capacity = Math.min(MAX_ITEMS, Math.max(4, size * 2));
                entries = entries == null ? new Object[2 * capacity] : Arrays.copyOf(entries, 2 * capacity);
            }
            entries[2 * size] = text;
            entries[2 * size + 1] = value;
        }

        /**
         * Only the keys something reads later (the joblib array wrapper's state, {@link JoblibArray}) are kept:
         * a big pickle holds millions of plain data dicts, and recording every entry was most of the scan's
         * allocation.
         */
        private static boolean read(String key) {
            return switch (key) {
                case "dtype", "shape", "order", "numpy_array_alignment_bytes", "allow_mmap", "subclass" -> true;
                default -> false;
            };
        }

        PickleValue get(String key) {
            int at = indexOf(key);
            return at >= 0 ? (PickleValue) entries[at + 1] : null;
        }

        private int size() {
            if (entries == null) return 0;
            int n = 0;
            while (2 * n < entries.length && entries[2 * n] != null) n++;
            return n;
        }

        private int indexOf(String key) {
            if (entries == null) return -1;
            for (int k = 0; k < entries.length && entries[k] != null; k += 2) if (entries[k].equals(key)) return k;
            return -1;
        }
    }

    /**
     * The result of calling or instantiating {@code callable} (REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST); BUILD later
     * sets its state.
     */
    final class Call implements PickleValue {
        final PickleValue callable;
        final PickleValue args;
        PickleValue state = Opaque.NONE;

        Call(PickleValue callable, PickleValue args) {
            this.callable = callable;
            this.args = args;
        }

        /**
         * The class being instantiated: the callable itself, or the class handed to copyreg's reconstructors
         * (how protocols 0 and 1 rebuild objects).
         */
        PickleValue instanceClass() {
            if (callable instanceof Global g && g.module().startsWith("copyreg") || callable instanceof Global c
                    && c.module().equals("copy_reg")) {
                if (args instanceof Tup t) return t.at(0);
            }
            return callable;
        }
    }

    /** Objects the simulator does not look into. */
    enum Opaque implements PickleValue {
        NONE, BOOL, NUMBER, FLOAT, TEXT, BYTES, BUFFER, LIST, SET, PERSISTENT,
        /** A value whose origin could not be followed (unresolved import, extension code). */
        UNKNOWN,
        /** A memo entry written after the memo tracking budget ran out. */
        UNTRACKED
    }
}
