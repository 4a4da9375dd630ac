package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;

/**
 * The rest of a value that is longer than the streaming hold-back: a token cut at the end of what has arrived, or a
 * private key block whose END line has not arrived. Scanners recognise such values from their first
 * {@code maxSpan} characters; the streaming redactor then swallows their tail (it already emitted the value's
 * replacement), so a long JWT or a 16 KB PEM block never needs a 16 KB hold-back and never leaks its end.
 */
enum ValueTail {
    /** Token characters (base64, base64url, JWT dots, {@code ~+/=}) up to the first other character. */
    TOKEN,
    /** Everything up to and including the next {@code -----END …-----} line, whatever it holds. */
    PEM;

    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int MAX_LABEL = 40;
    /** What PEM keeps unswallowed at the end of the text so an END line split across chunks is seen whole. */
    static final int PEM_LOOKBACK = END.length() + MAX_LABEL + DASHES.length();

    /** The tail that may follow {@code e} in {@code text}, or null when {@code e} is complete. */
    static ValueTail after(Entity e, String text) {
        if (e.type() == EntityType.PRIVATE_KEY) {
            boolean closed = text.startsWith(DASHES, e.end() - DASHES.length())
                    && text.lastIndexOf(END, e.end()) >= e.start();
            return closed ? null : PEM;
        }
        return e.end() == text.length() ? TOKEN : null;
    }

    /** Where the tail starting at {@code from} ends in {@code text}, or -1 when it may go on past it. */
    int stop(String text, int from) {
        if (this == TOKEN) {
            int i = from;
            while (i < text.length() && tokenChar(text.charAt(i))) i++;
            return i < text.length() ? i : -1;
        }
        for (int end = text.indexOf(END, from); end >= 0; end = text.indexOf(END, end + 1)) {
            int close = text.indexOf(DASHES, end + END.length());
            if (close < 0) return -1;
            if (close - end - END.length() <= MAX_LABEL) return close + DASHES.length();
        }
        return -1;
    }

    /** How far an unfinished tail may be swallowed now: PEM keeps a possible partial END line for the next look. */
    int swallowable(String text, int from) {
        return this == TOKEN ? text.length() : Math.max(from, text.length() - PEM_LOOKBACK);
    }

    private static boolean tokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
    }
}
