package dev.bulwark.core;

/**
 * Masks secrets and PII before they reach a report or a log: a few characters stay so a reader can recognise
 * the value, the rest become asterisks. Length is bounded so a report cannot be blown up by a huge reply.
 */
public final class Masking {
    private Masking() {
    }

    /** Keeps the first two and last two characters of values long enough to stay unrecognisable. */
    public static String mask(String value) {
        if (value == null) return null;
        int n = value.length();
        if (n <= 4) return "*".repeat(n);
        int keep = n >= 12 ? 2 : 1;
        return value.substring(0, keep) + "*".repeat(Math.min(n - 2 * keep, 24)) + value.substring(n - keep);
    }

    /** Cuts an excerpt to at most {@code max} characters, saying how much was left out. */
    public static String excerpt(String text, int max) {
        if (text == null) return null;
        if (text.length() <= max) return text;
        return text.substring(0, max) + "… [" + (text.length() - max) + " more characters]";
    }
}
