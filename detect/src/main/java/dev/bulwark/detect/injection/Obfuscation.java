package dev.bulwark.detect.injection;

/**
 * A disguise the normaliser undid. Hiding text is itself a signal, so some carry weight on their own; the
 * encodings carry a little, because benign text holds base64 too, and what matters is what the decoded text says.
 */
public enum Obfuscation {
    HIDDEN_CHARACTERS("hidden characters", 0.35),
    TAG_CHARACTERS("hidden Unicode tag text", 0.60),
    HOMOGLYPHS("mixed-script look-alike letters", 0.30),
    LEETSPEAK("leetspeak", 0.0),
    SPACED_LETTERS("spaced-out letters", 0.10),
    BASE64("decoded base64 segment", 0.10),
    HEX("decoded hex segment", 0.10),
    ROT13("decoded rot13 segment", 0.20);

    private final String reason;
    private final double weight;

    Obfuscation(String reason, double weight) {
        this.reason = reason;
        this.weight = weight;
    }

    /** What a reader of a verdict sees. */
    public String reason() {
        return reason;
    }

    /** Evidence this disguise alone adds to the rule score (noisy-OR with the rule weights). */
    public double weight() {
        return weight;
    }
}
