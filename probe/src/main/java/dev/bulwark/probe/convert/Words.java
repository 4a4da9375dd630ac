package dev.bulwark.probe.convert;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies a per-word disguise to the plain words of a text, leaving code-like tokens and punctuation alone. */
final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");
    /** Letters and digits joined by a dash or underscore, with a digit: a canary the model must copy verbatim. */
    private static final Pattern CODE = Pattern.compile("(?=.*\\d)[\\p{L}\\p{N}]+(?:[-_][\\p{L}\\p{N}]+)+");

    private Words() {
    }

    static String map(String text, UnaryOperator<String> word) {
        Matcher m = WORD.matcher(text);
        var out = new StringBuilder(text.length() * 2);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String token = m.group();
            out.append(CODE.matcher(token).matches() ? token : word.apply(token));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Maps each character of {@code word} through {@code table} (a string of from/to pairs), others unchanged. */
    static String substitute(String word, String from, String to) {
        var out = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> {
            int i = cp < 0x10000 ? from.indexOf(cp) : -1;
            if (i >= 0) out.appendCodePoint(to.codePointAt(to.offsetByCodePoints(0, i)));
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
