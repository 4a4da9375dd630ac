package dev.bulwark.guard.monitor;

/**
 * The last {@code capacity} prompt signatures of one client and the boundary-probing score they give: the share of
 * recent prompts that systematically vary an earlier recent one. A prompt counts as
 * <ul>
 *   <li>an <em>enumeration step</em> when it equals an earlier one except for its numbers ("price of item 1",
 *       "... item 2"), and</li>
 *   <li>a <em>slot probe</em> when its word tokens are within a small edit distance of an earlier one's (the same
 *       template with one or a few slots changed: "capital of France", "capital of Spain"),</li>
 * </ul>
 * but never when it repeats an earlier prompt exactly: that is scripted repetition, which the distinct-prompt ratio
 * catches. Prompts of fewer than {@link #MIN_TOKENS} tokens are too short to say ("yes", "1", "2"). Holds hashes
 * only; bounded by {@code capacity}. Not thread-safe.
 */
final class ProbeRing {
    static final int MIN_TOKENS = 3;
    private static final byte PLAIN = 0;
    private static final byte ENUMERATION = 1;
    private static final byte SLOT = 2;

    private final long[] exact;
    private final long[] template;
    private final int[][] tokens;
    private final long[] bucket;
    private final byte[] kind;
    private int next;
    private int size;

    ProbeRing(int capacity) {
        exact = new long[capacity];
        template = new long[capacity];
        tokens = new int[capacity][];
        bucket = new long[capacity];
        kind = new byte[capacity];
    }

    /** Classifies {@code prompt} against the recent prompts still in the window, then remembers it. */
    void add(PromptFeatures prompt, long now, long oldestBucket) {
        byte found = PLAIN;
        if (prompt.tokenCount() >= MIN_TOKENS) {
            for (int i = 0; i < size && found != ENUMERATION; i++) {
                if (bucket[i] < oldestBucket || exact[i] == prompt.exactHash()) {
                    continue;
                }
                if (template[i] == prompt.templateHash()) {
                    found = ENUMERATION;
                } else if (nearDuplicate(tokens[i], prompt.tokens())) {
                    found = SLOT;
                }
            }
        }
        exact[next] = prompt.exactHash();
        template[next] = prompt.templateHash();
        tokens[next] = prompt.tokens();
        bucket[next] = now;
        kind[next] = found;
        next = (next + 1) % exact.length;
        size = Math.min(size + 1, exact.length);
    }

    /** The probing picture over the recent prompts in the window; score 0 below {@code minSample} of them. */
    ProbeStats stats(long oldestBucket, int minSample) {
        int inWindow = 0;
        int enumerations = 0;
        int slots = 0;
        for (int i = 0; i < size; i++) {
            if (bucket[i] >= oldestBucket) {
                inWindow++;
                if (kind[i] == ENUMERATION) {
                    enumerations++;
                } else if (kind[i] == SLOT) {
                    slots++;
                }
            }
        }
        double score = inWindow < minSample || inWindow == 0 ? 0 : (double) (enumerations + slots) / inWindow;
        return new ProbeStats(score, inWindow, enumerations, slots);
    }

    /**
     * How far apart two token sequences may be and still be one template with slots changed: one token in a short
     * prompt, up to three in a long one.
     */
    static int allowedEdits(int shorterLength) {
        return shorterLength <= 7 ? 1 : shorterLength <= 11 ? 2 : 3;
    }

    static boolean nearDuplicate(int[] a, int[] b) {
        int shorter = Math.min(a.length, b.length);
        if (shorter < MIN_TOKENS) {
            return false;
        }
        int k = allowedEdits(shorter);
        return Math.abs(a.length - b.length) <= k && boundedEditDistance(a, b, k) <= k;
    }

    /** Levenshtein distance over tokens inside a diagonal band of width {@code k}; {@code k + 1} when larger. */
    static int boundedEditDistance(int[] a, int[] b, int k) {
        int inf = k + 1;
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j <= k ? j : inf;
        }
        for (int i = 1; i <= a.length; i++) {
            int from = Math.max(1, i - k);
            int to = Math.min(b.length, i + k);
            java.util.Arrays.fill(cur, inf);
            cur[0] = i <= k ? i : inf;
            int rowMin = cur[0];
            for (int j = from; j <= to; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.min(prev[j - 1] + cost, Math.min(prev[j] + 1, cur[j - 1] + 1));
                cur[j] = Math.min(v, inf);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > k) {
                return inf;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length], inf);
    }

    /**
     * @param score        share of the recent prompts that are enumeration steps or slot probes, 0..1
     * @param sample       recent prompts looked at (at most the ring's capacity)
     * @param enumerations of which enumeration steps
     * @param slotProbes   of which slot probes
     */
    record ProbeStats(double score, int sample, int enumerations, int slotProbes) {
        static final ProbeStats EMPTY = new ProbeStats(0, 0, 0, 0);
    }
}
