package dev.bulwark.probe.decode;

/**
 * A way a reply can hide text from a judge that reads it as sent. Segment decodings ({@link #BASE64},
 * {@link #HEX}, {@link #TAG_CHARACTERS}) decode one encoded part of the reply; whole-text decodings
 * ({@link #ROT13}, {@link #REVERSED}, {@link #LEETSPEAK}, {@link #INVISIBLE}) transform all of it.
 */
public enum Decoding {
    AS_SENT("the reply as sent"),
    TAG_CHARACTERS("invisible Unicode tag characters"),
    INVISIBLE("zero-width and other invisible characters removed"),
    BASE64("base64"),
    HEX("hex"),
    ROT13("rot13"),
    REVERSED("reversed text"),
    LEETSPEAK("leetspeak");

    private final String label;

    Decoding(String label) {
        this.label = label;
    }

    /** What the evidence says, e.g. "base64". */
    public String label() {
        return label;
    }

    /**
     * The form a known string (a canary) and the text it is looked for in are compared in. Leetspeak folding is
     * lossy (4 and a both become a), so for it both sides are folded completely ({@link Leet#foldAll}).
     */
    public String needle(String text) {
        return this == LEETSPEAK ? Leet.foldAll(text) : text;
    }
}
