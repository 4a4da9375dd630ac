package dev.bulwark.detect;

import java.util.Collection;

/**
 * The text being scanned plus a lower-cased copy of the same length (so spans in one are spans in the other), with
 * the context-word look-ups recognizers score by.
 */
public final class ScanText {
    /**
     * Characters a recognizer's matches must contain, so its pattern runs only in windows around them instead of
     * at every position: digits for numbers, {@code @} for e-mail, {@code :}/{@code =} for assignments.
     */
    public enum Anchor {
        /** Run everywhere. */
        NONE(0, 0, 0),
        /**
         * Digit clusters (digits at most 20 apart, so "12th of September 1985" is one), padded 16 before and 40
         * after (an IBAN's account part may be letters only).
         */
        DIGIT(20, 16, 40),
        AT(0, 70, 260),
        ASSIGN(0, 70, 530);

        private final int gap;
        private final int before;
        private final int after;

        Anchor(int gap, int before, int after) {
            this.gap = gap;
            this.before = before;
            this.after = after;
        }

        boolean matches(char c) {
            return switch (this) {
                case NONE -> false;
                case DIGIT -> c >= '0' && c <= '9';
                case AT -> c == '@';
                case ASSIGN -> c == ':' || c == '=';
            };
        }
    }

    /** Characters that may join the digits of one printed number: "+1 (415) 555-0132", "12/03/1985", "1.2.3.4". */
    private static final String NUMBER_JOINERS = " .()/-";
    /** At most this many joiners between two digits of one run (the phone pattern's widest gap). */
    private static final int MAX_JOIN = 3;
    /** Padding around a digit run: a leading "+", "(" or NIE letter; a trailing extension (" ext. 12345") or letter. */
    private static final int RUN_BEFORE = 4;
    private static final int RUN_AFTER = 12;
    /** A number of at least this many digits is a value of its own, which the words before it label. */
    private static final int VALUE_DIGITS = 5;

    private final String text;
    private final String lower;
    private final double threshold;
    private final int[][] windows = new int[Anchor.values().length][];
    /** Digit runs, computed on first use: flattened (start, end, digit count) triples. */
    private int[] runs;
    private final java.util.Map<Integer, int[]> runWindows = new java.util.HashMap<>(4);

    private ScanText(String text, double threshold) {
        this.text = text;
        this.threshold = threshold;
        // The library's (vectorised) lower-casing when it keeps the length; else char by char, because 'İ' would
        // grow into two chars and spans in the two copies must stay the same.
        String folded = text.toLowerCase(java.util.Locale.ROOT);
        if (folded.length() != text.length()) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) chars[i] = Character.toLowerCase(chars[i]);
            folded = new String(chars);
        }
        this.lower = folded;
    }

    /** A text scanned for every candidate, whatever its score. */
    public static ScanText of(String text) {
        return new ScanText(text, 0.0);
    }

    /**
     * A text whose candidates under {@code threshold} will be dropped: recognizers may skip work that can only
     * produce such candidates (a date with no birth context nearby).
     */
    public static ScanText of(String text, double threshold) {
        return new ScanText(text, threshold);
    }

    /** Candidates scored under this are dropped by the engine. */
    public double threshold() {
        return threshold;
    }

    public String text() {
        return text;
    }

    public String lower() {
        return lower;
    }

    public int length() {
        return text.length();
    }

    /** Whether the text contains {@code needle} (case-insensitive when {@code needle} is lower case). */
    public boolean contains(String needle) {
        return lower.contains(needle);
    }

    /**
     * Whether one of {@code words} (lower case) appears as a whole word within {@code before} characters before
     * {@code start} or {@code after} characters after {@code end}.
     */
    public boolean near(int start, int end, int before, int after, Collection<String> words) {
        int from = Math.max(0, start - before);
        int to = Math.min(lower.length(), end + after);
        for (String word : words) {
            if (wordIn(word, from, start) || wordIn(word, end, to)) return true;
        }
        return false;
    }

    /** Bounded to {@code [from, to)}: an unbounded indexOf per candidate would make hostile input quadratic. */
    private boolean wordIn(String word, int from, int to) {
        int n = word.length();
        if (n == 0) return false;
        char first = word.charAt(0);
        for (int at = from; at + n <= to; at++) {
            if (lower.charAt(at) != first || !lower.startsWith(word, at)) continue;
            boolean left = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
            boolean right = at + n >= lower.length() || !Character.isLetterOrDigit(lower.charAt(at + n));
            if (left && right) return true;
        }
        return false;
    }

    /**
     * Non-overlapping windows {@code [start, end)} (flattened pairs, ascending) that hold every occurrence of the
     * anchor's characters with their padding. {@link Anchor#NONE} gives the whole text. Computed once per anchor;
     * a ScanText belongs to one scan, so no locking.
     */
    public int[] windows(Anchor anchor) {
        if (anchor == Anchor.NONE) return new int[] {0, text.length()};
        int[] cached = windows[anchor.ordinal()];
        if (cached != null) return cached;
        var out = new java.util.ArrayList<int[]>();
        int first = -1;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            if (!anchor.matches(text.charAt(i))) continue;
            if (first >= 0 && i - last > anchor.gap + anchor.before + anchor.after) {
                out.add(new int[] {first, last});
                first = i;
            } else if (first < 0) {
                first = i;
            }
            last = i;
        }
        if (first >= 0) out.add(new int[] {first, last});
        int[] flat = new int[out.size() * 2];
        for (int k = 0; k < out.size(); k++) {
            flat[2 * k] = Math.max(0, out.get(k)[0] - anchor.before);
            flat[2 * k + 1] = Math.min(text.length(), out.get(k)[1] + 1 + anchor.after);
        }
        windows[anchor.ordinal()] = flat;
        return flat;
    }

    /**
     * Windows (flattened {@code [start, end)} pairs, ascending, disjoint) around the text's digit runs that hold at
     * least {@code minDigits} digits. A run is digits joined by at most three of {@code " .()/-"}, so every printed
     * number (card, phone, id, dotted quad, numeric date) lies inside one run, and a recognizer needing n digits can
     * skip every shorter run. Padded by a few characters for a leading {@code +}/{@code (}/letter and a trailing
     * extension or check letter; patterns see beyond a window through transparent bounds.
     */
    public int[] digitRuns(int minDigits) {
        int[] cached = runWindows.get(minDigits);
        if (cached != null) return cached;
        int[] all = runs();
        int[] out = new int[all.length / 3 * 2];
        int n = 0;
        for (int k = 0; k < all.length; k += 3) {
            if (all[k + 2] < minDigits) continue;
            int from = Math.max(0, all[k] - RUN_BEFORE);
            int to = Math.min(text.length(), all[k + 1] + RUN_AFTER);
            if (n > 0 && from <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], to); // overlapping padding: one window, so no match is found twice
            } else {
                out[n++] = from;
                out[n++] = to;
            }
        }
        int[] result = java.util.Arrays.copyOf(out, n);
        runWindows.put(minDigits, result);
        return result;
    }

    private int[] runs() {
        if (runs != null) return runs;
        var out = new int[64];
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            int end = i;
            while (true) {
                while (i < len && isDigit(text.charAt(i))) {
                    i++;
                    digits++;
                }
                end = i;
                int j = i;
                while (j < len && j - end < MAX_JOIN && NUMBER_JOINERS.indexOf(text.charAt(j)) >= 0) j++;
                if (j > end && j < len && isDigit(text.charAt(j))) {
                    i = j;
                } else {
                    break;
                }
            }
            if (n + 3 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
            out[n++] = start;
            out[n++] = end;
            out[n++] = digits;
            i = Math.max(i, end);
        }
        runs = java.util.Arrays.copyOf(out, n);
        return runs;
    }

    /**
     * Where the words that may label a value starting at {@code start} begin, looking back at most {@code reach}:
     * just after the nearest earlier number that words separate from the value. In "phone +44 20 7946 0021, card
     * 4012 …" the word "phone" names the first number, not the card. Numbers separated by punctuation only are a
     * list under one label ("NHS numbers 943 476 5919, 943 476 5870"), so the look-back passes over them.
     */
    public int labelFrom(int start, int reach) {
        int limit = Math.max(0, start - reach);
        int[] r = runs();
        int gapEnd = start;
        for (int k = lastRunEndingBy(r, start); k >= 0 && r[k + 1] > limit; k -= 3) {
            if (r[k + 2] < VALUE_DIGITS) continue;
            if (hasLetter(r[k + 1], gapEnd)) return r[k + 1];
            gapEnd = r[k];
        }
        return limit;
    }

    /** The mirror of {@link #labelFrom}: where the words that may label a value ending at {@code end} stop. */
    public int labelTo(int end, int reach) {
        int limit = (int) Math.min(text.length(), (long) end + reach);
        int[] r = runs();
        int gapStart = end;
        for (int k = lastRunEndingBy(r, end) + 3; k < r.length && r[k] < limit; k += 3) {
            if (r[k] < end || r[k + 2] < VALUE_DIGITS) continue; // the value's own run, or a short number
            if (hasLetter(gapStart, r[k])) return r[k];
            gapStart = r[k + 1];
        }
        return limit;
    }

    /** The offset of the (start, end, digits) triple of the last run ending at or before {@code at}, or -3. */
    private static int lastRunEndingBy(int[] r, int at) {
        int lo = 0;
        int hi = r.length / 3 - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (r[3 * mid + 1] <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 3 * found;
    }

    private boolean hasLetter(int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) if (Character.isLetter(text.charAt(i))) return true;
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Windows {@code [at, at + reach)} after each whole-word occurrence (at its start) of one of {@code words} (lower
     * case), merged: where a value that needs one of these words before it can be. One {@code indexOf} sweep per word.
     */
    public int[] windowsAfter(Collection<String> words, int reach) {
        var starts = new java.util.ArrayList<Integer>();
        for (String word : words) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                boolean left = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                int after = at + word.length();
                boolean right = after >= lower.length() || !Character.isLetterOrDigit(lower.charAt(after));
                if (left && right) starts.add(at);
            }
        }
        if (starts.isEmpty()) return new int[0];
        starts.sort(null);
        int[] out = new int[starts.size() * 2];
        int n = 0;
        for (int at : starts) {
            int to = Math.min(text.length(), at + reach);
            if (n > 0 && at <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], to);
            } else {
                out[n++] = at;
                out[n++] = to;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    /** The character at {@code i}, or {@code 0} outside the text: saves bounds checks in boundary tests. */
    public char at(int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : 0;
    }
}
