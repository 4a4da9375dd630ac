package dev.bulwark.supply.model.pickle;

import java.nio.charset.Charset;
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
        private final byte[] bytes;
        private final Charset charset;
        private String text;

        Str(String text) {
            this.bytes = null;
            this.charset = null;
            this.text = text;
        }

        Str(byte[] bytes, Charset charset) {
            this.bytes = bytes;
            this.charset = charset;
        }

        String text() {
            String t = text;
            if (t == null) text = t = new String(bytes, charset);
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
     * in fields: pickles are full of pairs, and an array per pair was a third of a big scan's allocation.
     */
    final class Tup implements PickleValue {
        static final Tup EMPTY = new Tup(0, null, null, null, false);
        private final int size;
        private final PickleValue first;
        private final PickleValue second;
        private final PickleValue[] items; // null for up to two items
        private final boolean truncated;

        private Tup(int size, PickleValue first, PickleValue second, PickleValue[] items, boolean truncated) {
            this.size = size;
            this.first = first;
            this.second = second;
            this.items = items;
            this.truncated = truncated;
        }

        static Tup of(PickleValue[] stack, int from, int to) {
            int kept = Math.min(to - from, MAX_ITEMS);
            switch (kept) {
                case 0:
                    return EMPTY;
                case 1:
                    return new Tup(1, stack[from], null, null, false);
                case 2:
                    return new Tup(2, stack[from], stack[from + 1], null, false);
                default:
                    // a plain loop: Arrays.copyOfRange took a generic, reflective path
                    PickleValue[] items = new PickleValue[kept];
                    for (int k = 0; k < kept; k++) items[k] = stack[from + k];
                    return new Tup(kept, null, null, items, to - from > kept);
            }
        }

        static Tup of(PickleValue... items) {
            return of(items, 0, items.length);
        }

        int size() {
            return size;
        }

        boolean truncated() {
            return truncated;
        }

        PickleValue at(int index) {
            if (index < 0 || index >= size) return Opaque.UNKNOWN;
            if (items != null) return items[index];
            return index == 0 ? first : second;
        }
    }

    /** A dict, mutable like the real one (SETITEM fills it after it was memoised); keeps string keys only. */
    final class Dict implements PickleValue {
        private static final String[] NO_KEYS = {};
        private static final PickleValue[] NO_VALUES = {};
        private String[] keys = NO_KEYS; // allocated on first use: most dicts in a big pickle are plain data
        private PickleValue[] values = NO_VALUES;
        private int size;

        void put(PickleValue key, PickleValue value) {
            if (!(key instanceof Str s) || !read(s.text())) return;
            int at = indexOf(s.text());
            if (at >= 0) {
                values[at] = value;
            } else if (size < MAX_ITEMS) {
                if (size == keys.length) {
                    int capacity = Math.min(MAX_ITEMS, Math.max(4, size * 2));
                    keys = Arrays.copyOf(keys, capacity);
                    values = Arrays.copyOf(values, capacity);
                }
                keys[size] = s.text();
                values[size++] = value;
            }
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
            return at >= 0 ? values[at] : null;
        }

        private int indexOf(String key) {
            for (int k = 0; k < size; k++) if (keys[k].equals(key)) return k;
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
