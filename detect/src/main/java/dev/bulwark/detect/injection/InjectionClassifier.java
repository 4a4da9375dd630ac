package dev.bulwark.detect.injection;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Layer (c): sentence embedding + logistic head, behind {@link ModelGate}s (the n-gram {@link Triage}, then the
 * cut-encoder {@link EncoderScreen}) that let clearly ordinary texts skip the full model. The encoder is fetched through a supplier so that building a detector does not load the ONNX
 * model; the first text the model reads does.
 */
public final class InjectionClassifier {
    /** The classifier reads at most this much text (the encoder keeps only the first 96 word pieces anyway). */
    static final int MAX_INPUT_CHARS = 4_000;

    private final Supplier<SentenceEncoder> encoder;
    private final ClassifierHead head;
    private final List<ModelGate> gates;

    /** The model reads every text. */
    public InjectionClassifier(Supplier<SentenceEncoder> encoder, ClassifierHead head) {
        this(encoder, head, List.of());
    }

    /** @param gates asked in order, cheapest first; the model reads a text only if every gate says it is needed */
    public InjectionClassifier(Supplier<SentenceEncoder> encoder, ClassifierHead head, List<ModelGate> gates) {
        this.encoder = encoder;
        this.head = head;
        this.gates = List.copyOf(gates);
    }

    /** Calibrated probability (0.5 at the head's threshold); empty when a gate sent the text past the model. */
    public OptionalDouble calibrated(NormalizedText text) {
        String input = input(text);
        for (ModelGate gate : gates) {
            if (!gate.modelNeeded(input)) return OptionalDouble.empty();
        }
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
