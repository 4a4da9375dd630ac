package dev.bulwark.detect;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer made of one linear-time pattern (possessive or bounded quantifiers only) and a scorer that
 * validates each match (check digits, decoding, entropy) and scores it, usually with {@link ContextWords}.
 * Cheap literal triggers skip the pattern entirely on texts that cannot contain a match.
 */
public final class PatternRecognizer implements Recognizer {

    /** The score of the value in {@code m.group(group)}, or a negative number to reject it. */
    @FunctionalInterface
    public interface Scorer {
        double score(ScanText text, Matcher m, int start, int end);
    }

    private final EntityType type;
    private final Pattern pattern;
    private final int group;
    private final List<String> triggers;
    private final int maxSpan;
    private final Scorer scorer;
    /** The windows of a text the pattern runs in; every match must lie inside one. */
    private final Function<ScanText, int[]> windows;
    /** Where a match may still change in a text that goes on; null: {@code maxSpan} before the end. */
    private final ToIntFunction<ScanText> settling;

    private PatternRecognizer(EntityType type, Pattern pattern, int group, List<String> triggers, int maxSpan,
                              Scorer scorer, Function<ScanText, int[]> windows, ToIntFunction<ScanText> settling) {
        this.type = type;
        this.pattern = pattern;
        this.group = group;
        this.triggers = triggers.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.maxSpan = maxSpan;
        this.scorer = scorer;
        this.windows = windows;
        this.settling = settling;
    }

    /**
     * @param group    the group that is the value (0: the whole match)
     * @param triggers literals (any case) of which the text must contain one for the pattern to run; empty: always
     * @param maxSpan  the longest value plus the context the scorer reads
     */
    public static PatternRecognizer of(EntityType type, Pattern pattern, int group, List<String> triggers,
                                       int maxSpan, Scorer scorer) {
        return new PatternRecognizer(type, pattern, group, List.copyOf(triggers), maxSpan, scorer,
                text -> text.windows(ScanText.Anchor.NONE), null);
    }

    /**
     * The same recognizer, run only in the text's windows around {@code anchor} characters: every match must contain
     * one, and windows are padded wider than any match reaches past its anchor.
     */
    public PatternRecognizer anchoredAt(ScanText.Anchor anchor) {
        return within(text -> text.windows(anchor));
    }

    /**
     * The same recognizer, run only inside the text's digit runs of at least {@code minDigits} digits
     * ({@link ScanText#digitRuns}): for values that are one printed number, so prose costs one shared pass.
     */
    public PatternRecognizer inDigitRuns(int minDigits) {
        return within(text -> text.digitRuns(minDigits));
    }

    /** The same recognizer, run only in the windows {@code windows} finds; every match must lie inside one. */
    public PatternRecognizer within(Function<ScanText, int[]> windows) {
        return new PatternRecognizer(type, pattern, group, triggers, maxSpan, scorer, windows, settling);
    }

    /**
     * The same recognizer, telling a streaming caller with {@code rule} where its matches may still change
     * ({@link #unsettledFrom}); e.g. {@link Settling#valueRun} when a value and everything its scorer reads after
     * it lie within the tokens of the value itself (the scorer may read any context before the match).
     */
    public PatternRecognizer settledBy(ToIntFunction<ScanText> rule) {
        return new PatternRecognizer(type, pattern, group, triggers, maxSpan, scorer, windows, rule);
    }

    /** A recognizer whose every match gets {@code score} moved by the context rules. */
    public static PatternRecognizer scored(EntityType type, Pattern pattern, List<String> triggers, int maxLength,
                                           double score, List<ContextWords> context) {
        return of(type, pattern, 0, triggers, maxLength + ContextWords.reach(context),
                (text, m, s, e) -> ContextWords.applyAll(context, text, s, e, score));
    }

    @Override
    public void scan(ScanText text, List<Entity> out) {
        if (!triggers.isEmpty() && triggers.stream().noneMatch(text::contains)) return;
        scanIn(text, windows.apply(text), out);
    }

    /** Runs the pattern in each window ({@code [start, end)} pairs, ascending and disjoint) only. */
    public void scanIn(ScanText text, int[] windows, List<Entity> out) {
        if (windows.length == 0) return;
        Matcher m = pattern.matcher(text.text()).useTransparentBounds(true).useAnchoringBounds(false);
        for (int w = 0; w < windows.length; w += 2) {
            m.region(windows[w], windows[w + 1]);
            while (m.find()) {
                int start = m.start(group);
                int end = m.end(group);
                if (end <= start) continue;
                double score = scorer.score(text, m, start, end);
                if (score >= 0) out.add(new Entity(type, start, end, Math.min(1.0, score)));
            }
        }
    }

    @Override
    public int maxSpan() {
        return maxSpan;
    }

    @Override
    public int unsettledFrom(ScanText text) {
        return settling == null ? Recognizer.super.unsettledFrom(text) : settling.applyAsInt(text);
    }

    @Override
    public String toString() {
        return "PatternRecognizer[" + type + "]";
    }
}
