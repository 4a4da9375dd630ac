package dev.bulwark.detect.injection;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Layer (c): sentence embedding + logistic head, behind an optional {@link Triage} that lets clearly ordinary texts
 * skip the embedding. The encoder is fetched through a supplier so that building a detector does not load the ONNX
 * model; the first text the model reads does.
 */
public final class InjectionClassifier {
    /** The classifier reads at most this much text (the encoder keeps only the first 96 word pieces anyway). */
    static final int MAX_INPUT_CHARS = 4_000;

    private final Supplier<SentenceEncoder> encoder;
    private final ClassifierHead head;
    private final Optional<Triage> triage;

    /** The model reads every text. */
    public InjectionClassifier(Supplier<SentenceEncoder> encoder, ClassifierHead head) {
        this(encoder, head, Optional.empty());
    }

    public InjectionClassifier(Supplier<SentenceEncoder> encoder, ClassifierHead head, Optional<Triage> triage) {
        this.encoder = encoder;
        this.head = head;
        this.triage = triage;
    }

    /** Calibrated probability (0.5 at the head's threshold); empty when the triage sent the text past the model. */
    public OptionalDouble calibrated(NormalizedText text) {
        String input = input(text);
        if (triage.isPresent() && !triage.get().modelNeeded(input)) return OptionalDouble.empty();
        return OptionalDouble.of(head.calibrated(encoder.get().embed(input), input.length()));
    }

    /**
     * What the encoder reads: decoded segments first (short, and the most telling), then the folded text, capped
     * at {@value #MAX_INPUT_CHARS} characters. Training calls this too, so the head sees what it will see in use.
     */
    public static String input(NormalizedText text) {
        var out = new StringBuilder();
        for (NormalizedText.Decoded segment : text.decoded()) {
            if (out.length() >= MAX_INPUT_CHARS) break;
            out.append(segment.text(), 0, Math.min(segment.text().length(), MAX_INPUT_CHARS)).append('\n');
        }
        out.append(text.text(), 0, Math.min(text.text().length(), MAX_INPUT_CHARS));
        return out.length() <= MAX_INPUT_CHARS ? out.toString() : out.substring(0, MAX_INPUT_CHARS);
    }
}
