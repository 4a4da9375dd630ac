package dev.bulwark.bench.injection;

import java.util.stream.IntStream;

/**
 * A {@code ModelGate}'s threshold from out-of-fold probabilities: the probability at or above which {@link #KEEP} of
 * the train side's injections lie (so the gate still sends them to the model), and the share of benign texts it
 * lets skip the model at that threshold, by which the L2 strength is chosen.
 */
record GateThreshold(double lambda, double threshold, double benignSkipped) {
    static final double KEEP = 0.999;

    static GateThreshold of(double[] oof, boolean[] y, double lambda) {
        return of(oof, y, y, lambda);
    }

    /** @param keep the injections the gate must send on ({@code KEEP} of them); a subset of {@code y} */
    static GateThreshold of(double[] oof, boolean[] y, boolean[] keep, double lambda) {
        double[] injections = IntStream.range(0, oof.length).filter(i -> keep[i]).mapToDouble(i -> oof[i]).sorted()
                .toArray();
        double threshold = injections[(int) Math.floor((1 - KEEP) * injections.length)];
        long benign = IntStream.range(0, oof.length).filter(i -> !y[i]).count();
        long skipped = IntStream.range(0, oof.length).filter(i -> !y[i] && oof[i] < threshold).count();
        return new GateThreshold(lambda, threshold, skipped / (double) benign);
    }

    boolean betterThan(GateThreshold other) {
        return other == null || benignSkipped > other.benignSkipped;
    }
}
