package dev.bulwark.detect;

import java.text.Normalizer;
import java.util.Locale;

/** Shared text preparation: the input cap and the forms detectors compare in. */
final class Text {
    /** Detectors look at no more than this many characters of one input, so work per input is bounded. */
    static final int MAX_CHARS = 1 << 20;

    private Text() {
    }

    static String capped(String text) {
        if (text == null) return "";
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    /**
     * Letters and digits only, NFKC-folded and lower-cased: zero-width characters, whitespace, punctuation and
     * separators vanish, full-width letters become ASCII. Two strings that read the same to a person mostly end
     * up equal here, which is what canary matching wants.
     */
    static String skeleton(String text) {
        String folded = Normalizer.normalize(capped(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        var out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Drops zero-width and other format characters (Unicode category Cf) that hide words from regexes. */
    static String withoutFormatChars(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(out::appendCodePoint);
        return out.toString();
    }
}
