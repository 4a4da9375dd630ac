package dev.bulwark.detect;

import java.util.List;

/**
 * One family of entities (e-mail addresses, card numbers, provider tokens…). Implementations are immutable and
 * thread-safe and do bounded work per character of input: linear-time patterns or hand-written scanners only.
 */
public interface Recognizer {

    /** Adds every candidate found in {@code text} to {@code out}, scored 0..1; the engine thresholds and de-overlaps. */
    void scan(ScanText text, List<Entity> out);

    /**
     * The longest entity this recognizer reports plus the context it reads around it, in characters — or, for
     * values with no useful bound (PEM blocks, JWTs, bearer tokens), how many leading characters suffice to
     * recognise one: a streaming redactor holds back this much and swallows the rest of a longer value.
     */
    int maxSpan();

    /**
     * The earliest position in {@code text} at which what this recognizer reports may still change when more text
     * is appended: a value that may still be growing, or one whose score the words still to come could move across
     * the threshold. Everything before it is reported exactly as it would be in any longer text that starts with
     * {@code text}. The default, right for any recognizer that keeps its {@link #maxSpan} promise, is
     * {@code maxSpan} characters before the end; recognizers that know their values override it (see
     * {@link Settling}) so a streaming redactor can release text sooner.
     */
    default int unsettledFrom(ScanText text) {
        return Math.max(0, text.length() - maxSpan());
    }
}
