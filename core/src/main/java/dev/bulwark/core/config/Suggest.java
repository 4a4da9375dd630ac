package dev.bulwark.core.config;

import java.util.Locale;

/** "Did you mean": a typo of a known name is within two single-character edits of it. */
final class Suggest {
    private static final int MAX_LENGTH = 64;

    private Suggest() {
    }

    static boolean close(String known, String typed) {
        if (typed.length() > MAX_LENGTH || known.length() > MAX_LENGTH) return false;
        return distance(known.toLowerCase(Locale.ROOT), typed.toLowerCase(Locale.ROOT)) <= 2;
    }

    /** Levenshtein distance, two rows; inputs are capped above so this stays cheap. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
