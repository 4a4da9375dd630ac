package dev.bulwark.detect.injection;

import java.util.Arrays;
import java.util.Locale;

/**
 * The triage's features: hashed word unigrams, word bigrams and character 4-grams of the lower-cased classifier
 * input, as a set of indices into {@value #DIMENSION} buckets (feature hashing: no vocabulary to ship, unseen words
 * simply land in some bucket). Each present feature has the value {@code 1/sqrt(count)}, so long and short texts
 * weigh alike. Linear in the text; the hash is spelled out here (not {@link String#hashCode}) because trained weights
 * depend on it.
 */
public final class NgramFeatures {
    public static final int BITS = 18;
    public static final int DIMENSION = 1 << BITS;
    private static final int CHAR_GRAM = 4;
    private static final long WORD_SEED = 0x9E3779B97F4A7C15L;
    private static final long BIGRAM_SEED = 0xC2B2AE3D27D4EB4FL;
    private static final long CHAR_SEED = 0x165667B19E3779F9L;

    private NgramFeatures() {
    }

    /** Sorted, distinct bucket indices of the features present in {@code text}. */
    public static int[] of(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        int[] out = new int[16];
        int n = 0;
        long previousWord = 0;
        boolean hasPrevious = false;
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            long word = WORD_SEED;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) word = step(word, s.charAt(i++));
            if (n + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
            out[n++] = bucket(word);
            if (hasPrevious) out[n++] = bucket(previousWord * 0x100000001B3L ^ Long.rotateLeft(word, 29) ^ BIGRAM_SEED);
            previousWord = word;
            hasPrevious = true;
        }
        for (int k = 0; k + CHAR_GRAM <= s.length(); k++) {
            long h = CHAR_SEED;
            for (int j = k; j < k + CHAR_GRAM; j++) h = step(h, s.charAt(j));
            if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
            out[n++] = bucket(h);
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) sorted[distinct++] = sorted[k];
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The value each present feature takes. */
    public static double value(int[] features) {
        return features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
    }

    private static long step(long h, char c) {
        return (h ^ c) * 0x100000001B3L;
    }

    private static int bucket(long h) {
        // finalise (splitmix64) so that nearby hashes spread over all buckets
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (int) (h >>> (64 - BITS));
    }
}
