package dev.bulwark.detect.injection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins letters spelled out one at a time ("i g n o r e", "i.g.n.o.r.e", "i-g-n-o-r-e"): a run of at least four
 * single letters, each separated by one to three separator characters. A one-character gap joins letters into a
 * word; a longer gap ("i g n o r e   a l l") becomes a word break. The pattern is possessive, so it never
 * backtracks.
 */
final class SpacedLetters {
    private static final Pattern RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{L}(?:[ .\\-_*|/]{1,3}+\\p{L}(?![\\p{L}\\p{N}])){3,}+");
    /** Runs this long are deliberate; shorter ones ("a b c d") are sometimes just lists. */
    private static final int SIGNAL_LETTERS = 6;

    private SpacedLetters() {
    }

    record Result(String text, boolean found) {
    }

    static Result join(String text) {
        Matcher m = RUN.matcher(text);
        if (!m.find()) return new Result(text, false);
        var out = new StringBuilder(text.length());
        boolean found = false;
        int last = 0;
        do {
            out.append(text, last, m.start());
            int letters = 0;
            for (int k = m.start(); k < m.end(); ) {
                char c = text.charAt(k);
                if (Character.isLetter(c)) {
                    out.append(c);
                    letters++;
                    k++;
                } else {
                    int gapEnd = k;
                    while (gapEnd < m.end() && !Character.isLetter(text.charAt(gapEnd))) gapEnd++;
                    if (gapEnd - k > 1) out.append(' ');
                    k = gapEnd;
                }
            }
            found |= letters >= SIGNAL_LETTERS;
            last = m.end();
        } while (m.find());
        out.append(text, last, text.length());
        return new Result(out.toString(), found);
    }
}
