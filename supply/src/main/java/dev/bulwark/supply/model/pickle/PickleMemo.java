package dev.bulwark.supply.model.pickle;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The pickle memo, bounded. Which keys were written is always known (so a read of a never-written key is caught,
 * as CPython's KeyError); the values are kept only for the first {@link #MAX_TRACKED} entries that matter for the
 * analysis (names, imports, calls, small containers). Later reads of an entry that was not kept return
 * {@link PickleValue.Opaque#UNTRACKED}, which the simulator treats as "cannot verify" wherever it matters.
 * Values live in an open-addressing table of primitive keys: big pickles memoise millions of objects.
 */
final class PickleMemo {
    static final int MAX_TRACKED = 50_000;
    private static final long DENSE_KEYS = 1L << 26; // 8 MiB of bits at most; MEMOIZE keys are dense
    private static final int MAX_SPARSE_KEYS = 100_000;
    private static final long EMPTY = Long.MIN_VALUE; // memo keys are never negative

    /** Values of keys below this sit in a plain array: the early entries (module names, dict keys) are hit most. */
    private static final int DIRECT = 1 << 16;
    private PickleValue[] direct = new PickleValue[256];
    private long[] keys = newKeys(1024);
    private PickleValue[] values = new PickleValue[1024];
    private int tracked;
    private int tableSize;
    /**
     * Bitmap of written keys below DENSE_KEYS (a plain long[]: BitSet re-checked its capacity on every set); filled
     * only once the keys stop being contiguous.
     */
    private long[] denseWritten = new long[64];
    /** Dense keys that sit in the hash table: a lookup of any other key skips the probe (a cache miss each). */
    private long[] denseHashed = new long[64];
    private final Set<Long> sparseWritten = new HashSet<>();
    private boolean sparseOverflow;
    private long size;
    /**
     * True while the written keys are exactly 0..size-1, as MEMOIZE writes them: then "was it written?" is a
     * comparison instead of a bitmap read, which missed the cache on most reads of a big pickle's memo.
     */
    private boolean contiguous = true;

    private static long[] newKeys(int capacity) {
        long[] k = new long[capacity];
        Arrays.fill(k, EMPTY);
        return k;
    }

    /** Number of distinct keys written: CPython's MEMOIZE uses it as the next key. */
    long size() {
        return size;
    }

    void put(long key, PickleValue value) {
        boolean rewrite;
        if (contiguous && key >= 0 && key <= size) {
            rewrite = key < size; // no bitmap while MEMOIZE writes 0, 1, 2, ...: the comparison says it all
        } else {
            if (contiguous) writtenSoFar();
            contiguous = false;
            rewrite = markWritten(key);
        }
        if (!rewrite) size++;
        PickleValue kept = worthKeeping(value) ? value : null; // null: written, value not kept
        if (kept == null && !rewrite) return;
        if (key >= 0 && key < DIRECT) putDirect((int) key, kept);
        else putHashed(key, kept, rewrite);
    }

    private void putDirect(int key, PickleValue kept) {
        PickleValue old = key < direct.length ? direct[key] : null;
        if (kept == null) {
            if (old != null) {
                direct[key] = null;
                tracked--;
            }
            return;
        }
        if (old == null) {
            if (tracked >= MAX_TRACKED) return;
            tracked++;
            if (key >= direct.length) direct = Arrays.copyOf(direct, Math.min(DIRECT, Math.max(key + 1, direct.length * 2)));
        }
        direct[key] = kept;
    }

    private void putHashed(long key, PickleValue kept, boolean rewrite) {
        int slot = rewrite ? find(key) : -1;
        if (slot >= 0) {
            values[slot] = kept == null ? PickleValue.Opaque.UNTRACKED : kept; // open addressing: no removal
            return;
        }
        if (kept == null || tracked >= MAX_TRACKED) return;
        tracked++;
        insert(key, kept);
    }

    /** The value under {@code key}, {@link PickleValue.Opaque#UNTRACKED} when not kept, null when never written. */
    PickleValue get(long key) {
        if (tableSize == 0 && key >= DIRECT && contiguous) {
            // the common miss of a big pickle: a key past the kept entries, never hashed, written by MEMOIZE
            return key < size ? PickleValue.Opaque.UNTRACKED : null;
        }
        if (key >= 0 && key < DIRECT) {
            PickleValue v = key < direct.length ? direct[(int) key] : null;
            if (v != null) return v;
            return wasWritten(key) ? PickleValue.Opaque.UNTRACKED : null;
        }
        if (key >= 0 && key < DENSE_KEYS && !test(denseHashed, key)) return wasWritten(key) ? PickleValue.Opaque.UNTRACKED : null;
        int slot = find(key);
        if (slot >= 0) return values[slot];
        return wasWritten(key) ? PickleValue.Opaque.UNTRACKED : null;
    }

    private static boolean test(long[] bits, long key) {
        int word = (int) (key >>> 6);
        return word < bits.length && (bits[word] & (1L << key)) != 0;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) return i;
            if (keys[i] == EMPTY) return -1;
        }
    }

    private void insert(long key, PickleValue value) {
        if ((tableSize + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != EMPTY) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
        tableSize++;
        if (key >= 0 && key < DENSE_KEYS) {
            int word = (int) (key >>> 6);
            if (word >= denseHashed.length) denseHashed = Arrays.copyOf(denseHashed, Math.max(word + 1, denseHashed.length * 2));
            denseHashed[word] |= 1L << key;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        PickleValue[] oldValues = values;
        keys = newKeys(oldKeys.length * 2);
        values = new PickleValue[oldKeys.length * 2];
        tableSize = 0;
        for (int k = 0; k < oldKeys.length; k++) if (oldKeys[k] != EMPTY) insert(oldKeys[k], oldValues[k]);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Records keys 0..size-1 in the bitmaps the moment the keys stop being contiguous. */
    private void writtenSoFar() {
        long dense = Math.min(size, DENSE_KEYS);
        int words = (int) ((dense + 63) >>> 6);
        if (words > denseWritten.length) denseWritten = Arrays.copyOf(denseWritten, words);
        Arrays.fill(denseWritten, 0, (int) (dense >>> 6), -1L);
        if ((dense & 63) != 0) denseWritten[(int) (dense >>> 6)] |= (1L << dense) - 1;
        for (long key = DENSE_KEYS; key < size; key++) markWritten(key);
    }

    private boolean markWritten(long key) {
        if (key >= 0 && key < DENSE_KEYS) {
            int word = (int) (key >>> 6);
            if (word >= denseWritten.length) {
                denseWritten = Arrays.copyOf(denseWritten, Math.max(word + 1, denseWritten.length * 2));
            }
            long bit = 1L << key;
            boolean was = (denseWritten[word] & bit) != 0;
            denseWritten[word] |= bit;
            return was;
        }
        if (sparseWritten.contains(key)) return true;
        if (sparseWritten.size() < MAX_SPARSE_KEYS) sparseWritten.add(key);
        else sparseOverflow = true;
        return false;
    }

    private boolean wasWritten(long key) {
        if (contiguous) return key >= 0 && key < size;
        if (key >= 0 && key < DENSE_KEYS) {
            int word = (int) (key >>> 6);
            return word < denseWritten.length && (denseWritten[word] & (1L << key)) != 0;
        }
        return sparseOverflow || sparseWritten.contains(key);
    }

    private static boolean worthKeeping(PickleValue value) {
        if (value instanceof PickleValue.Opaque) return false;
        return !(value instanceof PickleValue.Str s) || s.atMost(128);
    }
}
