package dev.bulwark.bench.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.ClassifierHead;
import dev.bulwark.detect.injection.InjectionClassifier;
import dev.bulwark.detect.injection.SentenceEncoder;
import dev.bulwark.detect.injection.TextNormalizer;
import dev.bulwark.detect.injection.Triage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Trains the encoder screen ({@code EncoderScreen}: the sentence model cut to 4 layers over 32 word pieces, and a
 * logistic head over its embeddings) and writes {@code screen.json}. Run by {@code bench/train-injection.sh} after
 * the triage. Same data, split, example weights and grouped folds as the head and the triage; the threshold is
 * the out-of-fold probability that still sends {@value GateThreshold#KEEP} of the train side's injections that need
 * the full model to it: those no rule flags on its own and the bundled head, fitted out of fold with its own L2
 * strength, catches (an injection the model misses anyway loses nothing by skipping it; all of them count, not only
 * those the triage passes, since the triage is fitted on the same texts and its in-sample decisions would flatter
 * the screen). The L2 strength that lets the most benign texts skip wins. Deterministic.
 *
 * <p>Arguments: {@code [datasets-dir] [output-dir]}.
 */
public final class TrainScreen {
    static final double[] LAMBDAS = {0.3, 3.0};

    private TrainScreen() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        Path output = Path.of(args.length > 1 ? args[1] : "detect/src/main/resources/dev/bulwark/detect/injection");
        InjectionCorpus corpus = InjectionCorpus.load(datasets);
        List<Example> train = corpus.gateTrainSide();
        Features features = Features.of(train, SentenceEncoder.miniLmScreen(),
                Path.of("bench/target/injection-screen-embeddings.cache"));
        double[] weights = TrainInjection.weights(train);
        boolean[] y = new boolean[train.size()];
        for (int i = 0; i < y.length; i++) y[i] = train.get(i).injection();

        boolean[] needed = NeededInjections.of(train, y, weights);
        GateThreshold best = null;
        double[] bestOof = null;
        for (double lambda : LAMBDAS) {
            double[] oof = TrainInjection.outOfFold(train, features.embeddings(), y, weights, lambda);
            GateThreshold choice = GateThreshold.of(oof, y, needed, lambda);
            System.err.printf(Locale.ROOT, "lambda %.2f: threshold %.5f, OOF benign skipping the model %.4f%n",
                    lambda, choice.threshold(), choice.benignSkipped());
            if (choice.betterThan(best)) {
                best = choice;
                bestOof = oof;
            }
        }
        double afterTriage = benignSkippedAfterTriage(train, y, bestOof, best.threshold());
        System.err.printf(Locale.ROOT, "of the benign texts the bundled triage sends to the model, the screen clears "
                + "%.4f (out of fold)%n", afterTriage);
        double[] beta = LogisticRegression.fit(features.embeddings(), y, weights, best.lambda());

        ObjectNode training = corpus.gateManifest();
        training.put("split", Split.describe());
        training.put("model", "logistic regression, Newton/IRLS, over the cut encoder's embeddings; L2 lambda chosen "
                + "from " + Arrays.toString(LAMBDAS) + " by the out-of-fold share of benign texts under the threshold; "
                + "examples weighted as for the head; BIPIA attacks excluded (evaluation only)");
        training.put("lambda", best.lambda());
        training.put("threshold", "the out-of-fold probability (5-fold, grouped like the split) at or above which "
                + GateThreshold.KEEP + " of the train side's injections lie whose verdict the full model decides (no rule "
                + "flags them on their own, the head fitted out of fold catches them): the full model reads texts at or "
                + "above it");
        training.put("outOfFoldBenignSkipped", round(best.benignSkipped()));
        training.put("outOfFoldBenignSkippedOfThoseTheTriagePasses", round(afterTriage));
        training.put("trainExamples", train.size());
        training.put("command", "bench/train-injection.sh");
        var head = new ClassifierHead(Arrays.copyOf(beta, beta.length - 1), beta[beta.length - 1], best.threshold(),
                training);
        Files.createDirectories(output);
        Files.writeString(output.resolve("screen.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(head.toScreenJson()) + "\n");
        System.err.println("wrote " + output.resolve("screen.json"));
    }

    /** Among the benign train texts the bundled triage sends on (in sample), the share the screen clears. */
    private static double benignSkippedAfterTriage(List<Example> train, boolean[] y, double[] oof, double threshold) {
        Triage triage = Triage.standard();
        int[] passed = IntStream.range(0, train.size()).filter(i -> !y[i]).filter(i -> triage.modelNeeded(
                InjectionClassifier.input(TextNormalizer.normalize(train.get(i).text())))).toArray();
        return Arrays.stream(passed).filter(i -> oof[i] < threshold).count() / (double) Math.max(1, passed.length);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
