package dev.bulwark.detect.injection;

/**
 * Strips characters a person does not see: zero-width and other format characters (Unicode category Cf), bidi
 * controls, variation selectors, and the Unicode tag block (U+E0000–E007F), whose printable part spells ASCII that
 * models read but people do not ("ASCII smuggling"). Joiners and variation selectors inside emoji sequences are
 * dropped without counting as hidden, since emoji use them legitimately. One pass, linear.
 */
final class HiddenText {
    private static final int TAG_FIRST = 0xE0000;
    private static final int TAG_LAST = 0xE007F;

    private HiddenText() {
    }

    /** The visible text, what the tag characters spelled, and how many hidden characters were removed. */
    record Result(String visible, String tagText, int hidden) {
    }

    static Result strip(String text) {
        var visible = new StringBuilder(text.length());
        var tags = new StringBuilder();
        int hidden = 0;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= TAG_FIRST && cp <= TAG_LAST) {
                // Counted as tag text (its own, stronger signal), not as hidden characters.
                if (cp >= TAG_FIRST + 0x20 && cp <= TAG_FIRST + 0x7E) tags.append((char) (cp - TAG_FIRST));
            } else if (isInvisible(cp)) {
                if (!isEmojiGlue(cp, previous) && !isHarmless(cp, i)) hidden++;
            } else {
                visible.appendCodePoint(cp);
                previous = cp;
            }
        }
        return new Result(visible.toString(), tags.toString(), hidden);
    }

    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F)          // variation selectors
                || (cp >= 0xE0100 && cp <= 0xE01EF)        // variation selectors supplement (byte smuggling)
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // fillers
    }

    /** A byte-order mark at the very start and soft hyphens come with ordinary copied text. */
    private static boolean isHarmless(int cp, int end) {
        return cp == 0x00AD || (cp == 0xFEFF && end == 1);
    }

    /** ZWJ and VS15/VS16 after a symbol belong to an emoji sequence. */
    private static boolean isEmojiGlue(int cp, int previous) {
        boolean glue = cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E;
        return glue && previous >= 0 && (Character.getType(previous) == Character.OTHER_SYMBOL
                || Character.isSurrogate((char) previous) || previous > 0xFFFF);
    }
}
