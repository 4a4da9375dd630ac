package dev.bulwark.guard.filter;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Letters and digits only, NFKC-folded and lower-cased: the form {@link dev.bulwark.detect.CanaryDetector} compares
 * in (its own helper is package-private there). The streamed canary check needs it to keep a bounded tail.
 */
final class Skeleton {
    private Skeleton() {
    }

    static String of(CharSequence text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        var out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Whether the char counts towards a skeleton (a surrogate pair counts once, on its high half). */
    static boolean counts(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
            return Character.isLetterOrDigit(Character.toCodePoint(c, text.charAt(i + 1)));
        }
        return !Character.isLowSurrogate(c) && Character.isLetterOrDigit(c);
    }
}
