package dev.bulwark.detect.injection;

/**
 * What the encoder hands its tokenizer: the start of a text that already holds every word piece it reads, as
 * well-formed UTF-16. The tokenizer works on the whole text before truncating it (≈ 0.7 ms of a 6 ms screen reading
 * for a 1 KB message on the slow machine of docs/performance-history.md, more for the 4,000 characters the classifier
 * may get), so the encoder hands it only this prefix. Exact, not approximate: the BERT tokenizer treats ASCII space,
 * tab, CR and LF as whitespace, never joins text across them, and gives every chunk between them that holds a Latin,
 * Greek or Cyrillic letter or a digit at least one word piece (an unknown word becomes one {@code [UNK]}), so the
 * first {@code pieces} such chunks yield at least {@code pieces} word pieces and the truncated encodings are the same
 * (MiniLmEncoderTest checks it on random texts).
 */
final class TokenizerInput {
    private TokenizerInput() {
    }

    /** The prefix holding the first {@code pieces} word pieces, lone surrogates in it replaced by U+FFFD. */
    static String of(String text, int pieces) {
        return wellFormed(prefix(text, pieces));
    }

    /**
     * {@code text} with every unpaired surrogate replaced by U+FFFD (which the tokenizer drops). JSON escapes let a
     * client send them, and one anywhere in a text made the tokenizer's native bridge read every emoji of it
     * differently (nothing instead of {@code [UNK]}).
     */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (paired && out == null) continue;
            if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            out.append(paired ? c : '\uFFFD');
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} up to the end of its {@code pieces}-th whitespace-separated chunk with a letter or digit. */
    static String prefix(String text, int pieces) {
        int counted = 0;
        boolean inChunk = false;
        boolean chunkCounts = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inChunk && chunkCounts && ++counted == pieces) return text.substring(0, i);
                inChunk = false;
                chunkCounts = false;
            } else {
                inChunk = true;
                chunkCounts |= surelyKept(c);
            }
        }
        return text;
    }

    /**
     * A letter or digit the tokenizer keeps whatever its Unicode tables: it deletes characters it thinks unassigned
     * or control (its tables are older than Java's, so a letter added to Unicode lately would vanish), and emoji or
     * surrogate halves may yield nothing. Latin, Greek and Cyrillic letters and ASCII digits, assigned for decades,
     * always yield a piece; a chunk without one is not counted (keeping more text is always safe).
     */
    private static boolean surelyKept(char c) {
        return c < 0x0500 && Character.isLetterOrDigit(c);
    }
}
