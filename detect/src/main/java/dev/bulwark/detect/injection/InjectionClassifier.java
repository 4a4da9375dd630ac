package dev.bulwark.detect.injection;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Layer (c): sentence embedding + logistic head, behind {@link ModelGate}s (the n-gram {@link Triage}, then the
 * cut-encoder {@link EncoderScreen}) that let clearly ordinary texts skip the full model, and with a second look
 * into long texts ({@link SecondLook}). The encoder is fetched through a supplier so that building a detector does
 * not load the ONNX model; the first text the model reads does.
 */
public final class InjectionClassifier {
    /** The classifier reads at most this much text (the encoder keeps only the first 96 word pieces anyway). */
    static final int MAX_INPUT_CHARS = 4_000;

    private final Supplier<SentenceEncoder> encoder;
    private final ClassifierHead head;
    private final List<ModelGate> gates;
    private final Optional<SecondLook> secondLook;

    /** The model reads every text, the start of it only. */
    public InjectionClassifier(Supplier<SentenceEncoder> encoder, ClassifierHead head) {
        this(encoder, head, List.of(), Optional.empty());
    }

    /**
     * @param gates      asked in order, cheapest first; the model reads a text only if every gate says it is needed
     * @param secondLook when present, picks a stretch of a long text past its start that the model reads too,
     *                   behind the same gates; its score counts when it is confident
     */
    public InjectionClassifier(Supplier<SentenceEncoder> encoder, ClassifierHead head, List<ModelGate> gates,
            Optional<SecondLook> secondLook) {
        this.encoder = encoder;
        this.head = head;
        this.gates = List.copyOf(gates);
        this.secondLook = secondLook;
    }

    /**
     * Calibrated probability (0.5 at the head's threshold); empty when the gates sent the text past the model. A
     * second look further into a long text counts only from {@value Combination#SHORT_TEXT_CLASSIFIER_MIN} (as a
     * score on a very short text does): a stretch of a text says less than the whole (docs/accuracy.md, <i>Behind
     * padding</i>).
     */
    public OptionalDouble calibrated(NormalizedText text) {
        String input = input(text);
        OptionalDouble start = read(input, input);
        if (secondLook.isEmpty() || start.orElse(0) >= Combination.FLAG_AT) return start;
        Optional<SecondLook.Stretch> later = secondLook.get().where(input);
        if (later.isEmpty()) return start;
        OptionalDouble again = read(later.get().window(), later.get().rest());
        if (again.isEmpty() || again.getAsDouble() < Combination.SHORT_TEXT_CLASSIFIER_MIN) return start;
        return OptionalDouble.of(Math.max(start.orElse(0), again.getAsDouble()));
    }

    /** The full model's reading of {@code modelInput}, if every gate finds {@code gated} worth it. */
    private OptionalDouble read(String gated, String modelInput) {
        for (ModelGate gate : gates) {
            if (!gate.modelNeeded(gated)) return OptionalDouble.empty();
        }
        return OptionalDouble.of(head.calibrated(encoder.get().embed(modelInput), modelInput.length()));
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
