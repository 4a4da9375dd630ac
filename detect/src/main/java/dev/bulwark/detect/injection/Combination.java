package dev.bulwark.detect.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How the layers add up. Each piece of evidence is a probability-like weight: a rule's weight, a disguise's
 * weight ({@link Obfuscation#weight()}) and the classifier's calibrated probability (0.5 at its trained
 * threshold). They combine by noisy-OR, {@code 1 − Π(1 − wᵢ)}: independent signals reinforce each other, none can
 * push the score past 1, and a single strong one (a rule of weight ≥ 0.5 or the classifier past its threshold)
 * flags on its own. A text is flagged at {@value #FLAG_AT}. Each rule counts once, however often it matches.
 */
public final class Combination {
    public static final double FLAG_AT = 0.5;
    /**
     * On texts of fewer words the sentence classifier scores near its prior: it put "hi" at 0.54 and "hello" at 0.50,
     * so a gateway refused greetings. Below this length (decoded payloads count with their own length) its evidence
     * counts only when it is confident ({@link #SHORT_TEXT_CLASSIFIER_MIN}; "ignore instructions" scores 0.72).
     */
    static final int CLASSIFIER_MIN_WORDS = 3;
    static final double SHORT_TEXT_CLASSIFIER_MIN = 0.65;
    /** CJK radicals, the first ideographic code point; kana come later. Below it the script lookups are skipped. */
    static final int FIRST_CJK = 0x2E80;

    private Combination() {
    }

    /** Layers (a) and (b) for a prompt: rules that fired plus the disguises found. */
    public static double ruleScore(List<RuleHit> hits, Set<Obfuscation> obfuscations) {
        return ruleScore(hits, obfuscations, TextSource.PROMPT);
    }

    /** Layers (a) and (b), each rule weighed for where the text came from. */
    public static double ruleScore(List<RuleHit> hits, Set<Obfuscation> obfuscations, TextSource source) {
        double miss = 1;
        for (RuleHit hit : hits) miss *= 1 - hit.rule().weight(source);
        for (Obfuscation o : obfuscations) miss *= 1 - o.weight();
        return 1 - miss;
    }

    /** All three layers; {@code classifier} is the calibrated probability, empty when the classifier did not run. */
    public static double combine(double ruleScore, OptionalDouble classifier) {
        return 1 - (1 - ruleScore) * (1 - classifier.orElse(0));
    }

    static InjectionScore verdict(NormalizedText text, List<RuleHit> hits, OptionalDouble classifier,
            TextSource source) {
        double rules = ruleScore(hits, text.obfuscations(), source);
        // the word count last: it only matters for an unconfident classifier, and it walks the whole text
        boolean tooShort = classifier.isPresent() && classifier.getAsDouble() < SHORT_TEXT_CLASSIFIER_MIN
                && fewerWords(text, CLASSIFIER_MIN_WORDS);
        double score = clamp(combine(rules, tooShort ? OptionalDouble.empty() : classifier));
        boolean flagged = score >= FLAG_AT;
        var reasons = new ArrayList<String>();
        hits.forEach(hit -> reasons.add(hit.reason()));
        for (Obfuscation o : Obfuscation.values()) {
            // Leetspeak folds "mp3" too; it is worth mentioning only when something else fired.
            boolean worthSaying = o.weight() > 0 || !hits.isEmpty();
            if (text.obfuscations().contains(o) && worthSaying) reasons.add(o.reason());
        }
        classifier.ifPresent(c -> reasons.add(String.format(Locale.ROOT, "classifier %.2f", c)
                + (tooShort ? " (not counted: too short a text for that score)" : "")));
        return new InjectionScore(score, flagged, reasons, clamp(rules), classifier);
    }

    /** Whether the text and every payload decoded from it hold fewer than {@code limit} words. */
    private static boolean fewerWords(NormalizedText text, int limit) {
        if (words(text.text(), limit) >= limit) return false;
        for (NormalizedText.Decoded d : text.decoded()) {
            if (words(d.text(), limit) >= limit) return false;
        }
        return true;
    }

    /**
     * Runs of letters and digits, counted up to {@code limit}; each Han or kana character counts as a word (those
     * scripts use no spaces).
     */
    static int words(String s, int limit) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length() && n < limit; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= FIRST_CJK && (Character.isIdeographic(c) || isKana(c))) {
                n++;
                inWord = false;
                continue;
            }
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) n++;
            inWord = letter;
        }
        return n;
    }

    private static boolean isKana(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
    }
}
