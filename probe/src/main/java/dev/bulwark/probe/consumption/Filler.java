package dev.bulwark.probe.consumption;

/**
 * Harmless padding for size probes: plain English sentences (so tokenizers count them like real text, about four
 * characters per token) followed by a short question the model can answer in one word.
 */
final class Filler {
    private static final String SENTENCE = "The quick brown fox jumps over the lazy dog near the quiet river bank. ";
    static final String QUESTION = "\n\nThe text above is padding for a load test. Reply with the single word OK.";

    private Filler() {
    }

    /** A prompt of exactly {@code chars} characters (at least the question itself). */
    static String prompt(int chars) {
        int padding = Math.max(0, chars - QUESTION.length());
        var text = new StringBuilder(chars);
        while (text.length() < padding) text.append(SENTENCE);
        text.setLength(padding);
        return text.append(QUESTION).toString();
    }
}
