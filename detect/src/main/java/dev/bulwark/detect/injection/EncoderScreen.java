package dev.bulwark.detect.injection;

import java.util.function.Supplier;

/**
 * The second gate: the sentence model cut to its first 4 layers over the first 32 word pieces, with a logistic head
 * of its own (half the time of 64 pieces: 5.7 against 11 ms of CPU on the slow processor of
 * docs/performance-history.md, where the full one takes ≈ 20). Alone it is a weaker classifier (it let role-play
 * jailbreaks through when we tried it as the classifier, docs/accuracy.md), so it only decides which texts the full
 * model needs to read: its threshold ({@code screen.json}) still sends 99.9 % of the train side's injections the
 * model decides on ({@link ModelGate}), out of fold, and clears most ordinary texts the n-gram triage could not.
 * Thread-safe.
 */
public final class EncoderScreen implements ModelGate {
    private final Supplier<SentenceEncoder> encoder;
    private final ClassifierHead head;

    /** @param head weights over {@code encoder}'s embeddings; its threshold is the one the model is needed at */
    public EncoderScreen(Supplier<SentenceEncoder> encoder, ClassifierHead head) {
        this.encoder = encoder;
        this.head = head;
    }

    /** The probability, by the cut encoder and its head, that the classifier input is an injection. */
    public double probability(String classifierInput) {
        return head.probability(encoder.get().embed(classifierInput));
    }

    @Override
    public boolean modelNeeded(String classifierInput) {
        return probability(classifierInput) >= head.threshold();
    }

    public double threshold() {
        return head.threshold();
    }

    /** The screen bundled with Bulwark ({@code screen.json} next to this class); the encoder loads on first use. */
    public static EncoderScreen standard() {
        return new EncoderScreen(SentenceEncoder::miniLmScreen, ClassifierHead.bundled("screen.json"));
    }
}
