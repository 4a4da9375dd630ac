package dev.bulwark.detect.injection;

import dev.bulwark.detect.InputTooLargeException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Scores a text for prompt injection with three layers: normalisation (a), multilingual rules (b) and a learned
 * classifier over sentence embeddings (c); {@link Combination} documents how they add up. Immutable and
 * thread-safe; the ONNX model is loaded once, lazily, by the first {@link #standard()} detector that scores a
 * text. Work per text is bounded: input beyond {@value #MAX_CHARS} characters is refused, normalisation and rules
 * are linear, and the classifier reads at most 96 word pieces of the start and, in a long text, of one later
 * stretch the n-gram triage picks ({@link SecondLook}).
 *
 * <pre>{@code
 * InjectionScore s = InjectionDetector.standard().score(userMessage);
 * if (s.flagged()) log.warn("possible prompt injection: {}", s.reasons());
 * }</pre>
 */
public final class InjectionDetector {
    public static final int MAX_CHARS = 1 << 20;

    private final RuleSet rules;
    private final Optional<InjectionClassifier> classifier;

    private InjectionDetector(RuleSet rules, Optional<InjectionClassifier> classifier) {
        this.rules = rules;
        this.classifier = classifier;
    }

    /**
     * All three layers with the bundled rules, model and head; the bundled gates — the n-gram {@link Triage}, then
     * the cut-encoder {@link EncoderScreen} — decide which texts the full model reads (docs/accuracy.md: what they
     * skip on our held-out split, and what that costs in recall).
     */
    public static InjectionDetector standard() {
        return standard(List.of(StandardHead.TRIAGE, StandardHead.SCREEN));
    }

    /** The bundled rules, model, head and second look behind these gates (evaluation compares gate sets). */
    public static InjectionDetector standard(List<ModelGate> gates) {
        return standard(gates, Optional.of(StandardHead.SECOND_LOOK));
    }

    /** The bundled rules, model and head behind these gates, with this second look or none (training, evaluation). */
    public static InjectionDetector standard(List<ModelGate> gates, Optional<SecondLook> secondLook) {
        return new InjectionDetector(RuleSet.standard(),
                Optional.of(new InjectionClassifier(SentenceEncoder::miniLm, StandardHead.HEAD, gates, secondLook)));
    }

    /** As {@link #standard()}, but the model reads every text (milliseconds of CPU each). */
    public static InjectionDetector standardWithoutTriage() {
        return standard(List.of(), Optional.of(StandardHead.SECOND_LOOK));
    }

    /** Layers (a) and (b) only: microseconds per text, no model; misses what only the classifier recognises. */
    public static InjectionDetector rulesOnly() {
        return new InjectionDetector(RuleSet.standard(), Optional.empty());
    }

    /** With another encoder or head (training, evaluation, tests). */
    public static InjectionDetector of(RuleSet rules, SentenceEncoder encoder, ClassifierHead head) {
        return new InjectionDetector(rules, Optional.of(new InjectionClassifier(() -> encoder, head)));
    }

    /**
     * Scores one text a user sent ({@link TextSource#PROMPT}).
     *
     * @throws InputTooLargeException if the text is longer than {@value #MAX_CHARS} characters: split it
     */
    public InjectionScore score(String text) {
        return score(text, TextSource.PROMPT);
    }

    /**
     * Scores one text from {@code source}: pass {@link TextSource#DATA} for documents, e-mails, web pages and tool
     * results the model reads, where an instruction aimed at the assistant's reply is itself the attack.
     *
     * @throws InputTooLargeException if the text is longer than {@value #MAX_CHARS} characters: split it
     */
    public InjectionScore score(String text, TextSource source) {
        String input = text == null ? "" : text;
        if (input.length() > MAX_CHARS) throw new InputTooLargeException(input.length(), MAX_CHARS);
        NormalizedText normalized = TextNormalizer.normalize(input);
        List<RuleHit> hits = rules.match(normalized).stream().filter(hit -> hit.rule().weight(source) > 0).toList();
        OptionalDouble calibrated = classifier.map(c -> c.calibrated(normalized)).orElse(OptionalDouble.empty());
        return Combination.verdict(normalized, hits, calibrated, source);
    }

    /** Whether the learned classifier may run (it may still skip a text its triage finds ordinary). */
    public boolean usesClassifier() {
        return classifier.isPresent();
    }

    /** The bundled head and gates, read once (the encoders load when first used). */
    private static final class StandardHead {
        static final ClassifierHead HEAD = ClassifierHead.standard();
        static final Triage TRIAGE = Triage.standard();
        static final EncoderScreen SCREEN = EncoderScreen.standard();
        static final SecondLook SECOND_LOOK = SecondLook.bundled(TRIAGE);
    }
}
