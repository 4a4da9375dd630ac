package dev.bulwark.detect;

import java.util.List;

/**
 * Words whose presence near a match moves its score: {@code weight} is added (negative to lower it) when any of
 * {@code words} (lower case, whole words or phrases) appears within {@code before} characters before the match or
 * {@code after} characters after it.
 */
public record ContextWords(List<String> words, int before, int after, double weight) {
    public ContextWords {
        words = List.copyOf(words);
        if (before < 0 || after < 0) throw new IllegalArgumentException("negative window");
    }

    public static ContextWords before(int window, double weight, String... words) {
        return new ContextWords(List.of(words), window, 0, weight);
    }

    public static ContextWords around(int window, double weight, String... words) {
        return new ContextWords(List.of(words), window, window, weight);
    }

    public boolean present(ScanText text, int start, int end) {
        return text.near(start, end, before, after, words);
    }

    /**
     * Like {@link #present}, but the window before the match does not reach back past {@code floor} (where the
     * sentence holding the match starts): "… under. Final" has no "under" before "Final".
     */
    public boolean presentSince(ScanText text, int floor, int start, int end) {
        return text.near(start, end, Math.max(0, Math.min(before, start - floor)), after, words);
    }

    /** {@link #apply} with the before-window clamped to {@code floor}, as {@link #presentSince}. */
    public double applySince(ScanText text, int floor, int start, int end, double score) {
        return presentSince(text, floor, start, end) ? Math.max(0, Math.min(1, score + weight)) : score;
    }

    /** {@code score} moved by {@link #weight} when the words are present, clamped to 0..1. */
    public double apply(ScanText text, int start, int end, double score) {
        return labels(text, start, end) ? Math.max(0, Math.min(1, score + weight)) : score;
    }

    /**
     * Like {@link #present}, but the windows stop at a neighbouring number that words separate from the match
     * ({@link ScanText#labelFrom}): a word naming that number ("phone +44 …, card 4012 …") says nothing of this one.
     */
    public boolean labels(ScanText text, int start, int end) {
        int from = text.labelFrom(start, before);
        int to = text.labelTo(end, after);
        return text.near(start, end, start - from, to - end, words);
    }

    /** Applies every rule in turn. */
    public static double applyAll(List<ContextWords> rules, ScanText text, int start, int end, double score) {
        double s = score;
        for (ContextWords rule : rules) s = rule.apply(text, start, end, s);
        return s;
    }

    /** The widest window of any rule: what a streaming caller must keep around a match. */
    public static int reach(List<ContextWords> rules) {
        return rules.stream().mapToInt(r -> Math.max(r.before, r.after)).max().orElse(0);
    }
}
