package dev.bulwark.data.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Near-duplicate rows with conflicting labels. Two rows are near-duplicates when their feature text is equal after
 * normalisation: lower case, every run of characters other than letters and digits (punctuation, whitespace) made
 * one space, trimmed. Rows are keyed by a 64-bit hash of that text (collisions are negligible at these sizes) and
 * at most {@link #MAX_KEYS} distinct texts are tracked, so memory stays bounded whatever the table's size.
 */
final class LabelConflicts {
    static final int MAX_KEYS = 1_000_000;
    static final int SHOWN = 10;
    /** Rows and labels remembered per text: enough to show a conflict, not every copy. */
    private static final int ROWS_PER_KEY = 4;

    private static final class Seen {
        final long[] rows = new long[ROWS_PER_KEY];
        final String[] labels = new String[ROWS_PER_KEY];
        int size;
        boolean conflict;
        String text;

        void add(long row, String label) {
            if (size > 0 && !Objects.equals(labels[0], label)) conflict = true;
            if (size < ROWS_PER_KEY) {
                rows[size] = row;
                labels[size] = label;
                size++;
            } else if (!contains(label)) {
                // full: a label not shown yet replaces the last copy, so every conflict stays visible
                rows[size - 1] = row;
                labels[size - 1] = label;
            }
        }

        private boolean contains(String label) {
            for (int i = 0; i < size; i++) if (Objects.equals(labels[i], label)) return true;
            return false;
        }
    }

    private final Map<Long, Seen> seen = new HashMap<>();
    private final List<Seen> conflicts = new ArrayList<>();
    private boolean full;

    void add(long row, String normalised, String label) {
        if (normalised.isEmpty()) return;
        long key = hash(normalised);
        Seen s = seen.get(key);
        if (s == null) {
            if (seen.size() >= MAX_KEYS) {
                full = true;
                return;
            }
            s = new Seen();
            s.text = normalised.length() > 200 ? normalised.substring(0, 200) : normalised;
            seen.put(key, s);
        }
        boolean before = s.conflict;
        s.add(row, label);
        if (!before && s.conflict) conflicts.add(s);
    }

    long count() {
        return conflicts.size();
    }

    boolean full() {
        return full;
    }

    List<PoisoningIndicators.Conflict> shown(java.util.function.UnaryOperator<String> redact) {
        var out = new ArrayList<PoisoningIndicators.Conflict>();
        for (Seen s : conflicts.subList(0, Math.min(SHOWN, conflicts.size()))) {
            var rows = new ArrayList<Long>();
            var labels = new ArrayList<String>();
            for (int i = 0; i < s.size; i++) {
                rows.add(s.rows[i]);
                labels.add(s.labels[i]);
            }
            out.add(new PoisoningIndicators.Conflict(rows, labels, redact.apply(s.text)));
        }
        return out;
    }

    /** Lower case, runs of non-letters/digits to one space, trimmed. */
    static String normalise(String text) {
        var out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && out.length() > 0) out.append(' ');
                space = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** 64-bit FNV-1a over the UTF-16 units, finished with a mixer. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
