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
        boolean tooShort = words(text) < CLASSIFIER_MIN_WORDS
                && classifier.isPresent() && classifier.getAsDouble() < SHORT_TEXT_CLASSIFIER_MIN;
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

    /** The most words in the text or any payload decoded from it. */
    private static int words(NormalizedText text) {
        int most = wordCount(text.text());
        for (NormalizedText.Decoded d : text.decoded()) most = Math.max(most, wordCount(d.text()));
        return most;
    }

    /** Runs of letters and digits; each Han or kana character counts as a word (those scripts use no spaces). */
    private static int wordCount(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isIdeographic(c) || isKana(c)) {
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
