package dev.bulwark.detect;

/**
 * Where, in a text that may still go on, a value that is still growing could start: the rules recognizers use for
 * {@link Recognizer#unsettledFrom}. A value still growing touches the end of the text received so far, so it starts
 * in the trailing run of tokens (whitespace-separated words) that could belong to one value: the last, unfinished
 * token always, and before it every token that {@link Token could be part of the value}, as long as they are joined
 * by at most {@value #MAX_GAP} blanks or one line break (the widest gap inside a value: a phone number's three
 * separators, {@code password =  value}, PEM lines). Everything before that run is as final as it will ever be for
 * recognizers whose matches and scores depend only on the context before them and on the token a match ends in.
 */
public final class Settling {
    /** The most whitespace characters between two tokens of one value. */
    public static final int MAX_GAP = 4;
    /** Longer tokens are values rather than words (keys, hashes, URLs). */
    static final int LONG_TOKEN = 16;

    private Settling() {
    }

    /** Whether the token {@code text[from, to)} could be part of a value that spans several tokens. */
    @FunctionalInterface
    public interface Token {
        boolean member(CharSequence text, int from, int to);

        /** This test or {@code other}. */
        default Token or(Token other) {
            return (t, f, e) -> member(t, f, e) || other.member(t, f, e);
        }
    }

    /**
     * A token that looks like part of a value rather than a word of prose: it holds a digit, an upper-case letter, a
     * character that is neither a letter nor sentence punctuation ({@code @ : / = + _ - # *} …), or is longer than
     * {@value #LONG_TOKEN} characters.
     */
    public static final Token VALUE_LIKE = (text, from, to) -> {
        if (to - from > LONG_TOKEN) return true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) ? Character.isUpperCase(c) || Character.isTitleCase(c) : !sentencePunctuation(c)) {
                return true;
            }
        }
        return false;
    };

    /** One of {@code words} (compared ignoring case, with a trailing {@code .} or {@code ,} allowed). */
    public static Token words(java.util.Set<String> words) {
        return (text, from, to) -> {
            int end = to;
            while (end > from && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ',')) end--;
            if (end - from > 12) return false;
            return words.contains(text.subSequence(from, end).toString().toLowerCase(java.util.Locale.ROOT));
        };
    }

    /** {@link #run} of {@link #VALUE_LIKE} tokens: the default for recognizers whose values are printed as such. */
    public static int valueRun(ScanText text) {
        return run(text.text(), VALUE_LIKE);
    }

    /** The start of the last token, or {@code text.length()} when the text ends in whitespace. */
    public static int tokenStart(CharSequence text) {
        int i = text.length();
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) i--;
        return i;
    }

    /**
     * The start of the trailing run: the last (unfinished) token and the {@code member} tokens before it, each joined
     * to the next by a gap of at most {@value #MAX_GAP} whitespace characters holding at most one line break.
     */
    public static int run(CharSequence text, Token member) {
        int start = tokenStart(text);
        while (start > 0) {
            int gapStart = start;
            int breaks = 0;
            while (gapStart > 0 && Character.isWhitespace(text.charAt(gapStart - 1)) && start - gapStart <= MAX_GAP) {
                if (text.charAt(gapStart - 1) == '\n') breaks++;
                gapStart--;
            }
            // \r\n counts as one break; a gap too wide or with a blank line ends the run
            if (start - gapStart > MAX_GAP || breaks > 1 || gapStart == 0) break;
            int tokenFrom = gapStart;
            while (tokenFrom > 0 && !Character.isWhitespace(text.charAt(tokenFrom - 1))) tokenFrom--;
            if (!member.member(text, tokenFrom, gapStart)) break;
            start = tokenFrom;
        }
        return start;
    }

    private static boolean sentencePunctuation(char c) {
        return switch (c) {
            case '.', ',', ';', '!', '?', '\'', '"', '(', ')', '\u2019', '\u2018', '\u201c', '\u201d', '\u2026' -> true;
            default -> false;
        };
    }
}
