package dev.bulwark.bench.injection;

import dev.bulwark.detect.injection.ClassifierHead;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The train-side injections whose verdict the full model decides, which a gate in front of it must therefore send on:
 * no rule flags them on its own (those are caught whether the model reads them or not), and the bundled head, fitted
 * out of fold on the full encoder's embeddings with the L2 strength it was trained with, flags them at its
 * thresholds (one the model misses anyway loses nothing by skipping it). Both gates, the triage and the screen, set
 * their thresholds on these, so together they leave the combined recall on the train side as it was without them.
 */
final class NeededInjections {
    private NeededInjections() {
    }

    static boolean[] of(List<Example> train, boolean[] y, double[] weights) throws IOException {
        ClassifierHead head = ClassifierHead.standard();
        Features full = Features.of(train, Path.of("bench/target/injection-embeddings.cache"));
        double[] oof = TrainInjection.outOfFold(train, full.embeddings(), y, weights,
                head.training().path("lambda").asDouble());
        boolean[] needed = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            double rules = full.ruleScores()[i];
            needed[i] = y[i] && rules < 0.5
                    && TrainInjection.Choice.limit(oof[i], rules) >= head.thresholdFor(full.inputChars()[i]);
        }
        System.err.printf("%d of %d train injections need the full model (out of fold)%n",
                IntStream.range(0, y.length).filter(i -> needed[i]).count(),
                IntStream.range(0, y.length).filter(i -> y[i]).count());
        return needed;
    }
}
