package dev.bulwark.bench.injection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.InjectionClassifier;
import dev.bulwark.detect.injection.NgramFeatures;
import dev.bulwark.detect.injection.TextNormalizer;
import dev.bulwark.detect.injection.Triage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Trains the injection triage ({@link Triage}) and writes {@code triage.json} and {@code triage.f16}. Run by
 * {@code bench/train-injection.sh} after the head. Same data, split and example weights as the head; for each L2
 * strength in {@link #LAMBDAS}, 5-fold grouped out-of-fold probabilities on the train side give the threshold that
 * still sends {@value GateThreshold#KEEP} of the train side's injections the model decides ({@link NeededInjections}) to
 * it, and the strength that lets the most benign texts skip it wins; then one fit on the whole train side.
 * Deterministic.
 *
 * <p>Arguments: {@code [datasets-dir] [output-dir]}.
 */
public final class TrainTriage {
    static final double[] LAMBDAS = {1, 10, 30, 100};

    private TrainTriage() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        Path output = Path.of(args.length > 1 ? args[1] : "detect/src/main/resources/dev/bulwark/detect/injection");
        InjectionCorpus corpus = InjectionCorpus.load(datasets);
        List<Example> train = corpus.gateTrainSide();
        int[][] x = new int[train.size()][];
        double[] value = new double[train.size()];
        boolean[] y = new boolean[train.size()];
        IntStream.range(0, x.length).parallel().forEach(i -> {
            x[i] = NgramFeatures.of(InjectionClassifier.input(TextNormalizer.normalize(train.get(i).text())));
            value[i] = NgramFeatures.value(x[i]);
            y[i] = train.get(i).injection();
        });
        double[] weights = TrainInjection.weights(train);
        boolean[] needed = NeededInjections.of(train, y, weights);

        GateThreshold best = null;
        for (double lambda : LAMBDAS) {
            GateThreshold choice = GateThreshold.of(outOfFold(train, x, value, y, weights, lambda), y, needed, lambda);
            System.err.printf(Locale.ROOT, "lambda %.1f: threshold %.5f, OOF benign skipping the model %.4f%n",
                    lambda, choice.threshold(), choice.benignSkipped());
            if (choice.betterThan(best)) best = choice;
        }
        double[] beta = SparseLogisticRegression.fit(x, value, y, weights, NgramFeatures.DIMENSION, best.lambda());
        float[] w = new float[NgramFeatures.DIMENSION];
        for (int k = 0; k < w.length; k++) w[k] = (float) beta[k];

        ObjectNode training = corpus.gateManifest();
        training.put("split", Split.describe());
        training.put("model", "logistic regression over the hashed n-grams, AdaGrad, " + SparseLogisticRegression.EPOCHS
                + " passes in a seeded order; examples weighted as for the head (source-balanced, classes equal); "
                + "L2 lambda chosen from " + Arrays.toString(LAMBDAS) + " by the out-of-fold share of benign texts "
                + "under the threshold; BIPIA attacks excluded (evaluation only)");
        training.put("lambda", best.lambda());
        training.put("threshold", "the out-of-fold triage probability (5-fold, grouped like the split) at or above "
                + "which " + GateThreshold.KEEP + " of the train side's injections lie whose verdict the model decides "
                + "(no rule flags them on their own, the head fitted out of fold catches them)");
        training.put("outOfFoldBenignSkipped", Math.round(best.benignSkipped() * 10_000) / 10_000.0);
        training.put("trainExamples", train.size());
        training.put("command", "bench/train-injection.sh");
        var triage = new Triage(w, beta[NgramFeatures.DIMENSION], best.threshold(), training);
        Files.createDirectories(output);
        Files.writeString(output.resolve("triage.json"), triage.metadataJson());
        Files.write(output.resolve("triage.f16"), triage.weightBytes());
        System.err.println("wrote " + output.resolve("triage.json") + " and triage.f16");
    }

    private static double[] outOfFold(List<Example> train, int[][] x, double[] value, boolean[] y, double[] weights,
            double lambda) {
        double[] oof = new double[x.length];
        for (int fold = 0; fold < Split.FOLDS; fold++) {
            final int held = fold;
            int[] fit = IntStream.range(0, x.length).filter(i -> Split.fold(train.get(i)) != held).toArray();
            boolean[] fy = new boolean[fit.length];
            for (int k = 0; k < fit.length; k++) fy[k] = y[fit[k]];
            double[] beta = SparseLogisticRegression.fit(Arrays.stream(fit).mapToObj(i -> x[i]).toArray(int[][]::new),
                    Arrays.stream(fit).mapToDouble(i -> value[i]).toArray(), fy,
                    Arrays.stream(fit).mapToDouble(i -> weights[i]).toArray(), NgramFeatures.DIMENSION, lambda);
            for (int i = 0; i < x.length; i++) {
                if (Split.fold(train.get(i)) == held) oof[i] = SparseLogisticRegression.probability(beta, x[i], value[i]);
            }
        }
        return oof;
    }
}
