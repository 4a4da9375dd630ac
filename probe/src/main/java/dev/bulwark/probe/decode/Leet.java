package dev.bulwark.probe.decode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds leetspeak back to letters (4→a, 3→e, 1→i, 0→o, 5→s, 7→t, 8→b, 9→g, $→s, !→i), only inside tokens that
 * mix letters with such characters ({@code h3ll0}, {@code 8WK}), so plain numbers, dates and phone numbers stay
 * as they are. Lower-cases the result. {@code @} is left alone: it belongs to e-mail addresses.
 */
final class Leet {
    private static final String FROM = "43105789$!";
    private static final String TO = "aeiostbgsi";
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}$!]{2,64}+");

    private Leet() {
    }

    static String fold(String text) {
        Matcher m = TOKEN.matcher(text);
        var out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String token = m.group();
            out.append(mixed(token) ? foldToken(token) : token);
            last = m.end();
        }
        return out.append(text, last, text.length()).toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Every leet character folded, whatever token it is in, lower-cased: the form a known random code is compared
     * in, on both sides, so a code whose letters all became digits ("1234abe8" → "12348838") still matches.
     */
    static String foldAll(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int k = index(c);
            out.append(k >= 0 ? TO.charAt(k) : c);
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the token has letters and leet characters both. */
    static boolean mixed(String token) {
        boolean letter = false;
        boolean leet = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) letter = true;
            else if (index(c) >= 0) leet = true;
        }
        return letter && leet;
    }

    private static String foldToken(String token) {
        var out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int k = index(c);
            out.append(k >= 0 ? TO.charAt(k) : c);
        }
        return out.toString();
    }

    private static int index(char c) {
        return FROM.indexOf(c);
    }
}
