package dev.bulwark.bench.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.ClassifierHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains layer (c)'s logistic head and writes {@code head.json}. Run by {@code bench/train-injection.sh}.
 * Deterministic: same data, same split, same weights. Steps: read the corpus, keep the train side of the split,
 * embed every text the way the detector does, choose the L2 strength by 5-fold cross-validation on the train side,
 * choose the threshold on the out-of-fold predictions so that the <em>combined</em> detector (rules + classifier)
 * has a false-positive rate of at most {@value #TARGET_FPR} there, then a second threshold for inputs under
 * {@value #SHORT_CHARS} characters ({@link SourceChoice}), then fit on the whole train side.
 *
 * <p>Arguments: {@code [datasets-dir] [output-head.json]}.
 */
public final class TrainInjection {
    static final double TARGET_FPR = 0.04;
    /**
     * Long inputs: no benign source's out-of-fold combined FPR above this ({@code -Dbulwark.injection.longSourceFpr},
     * default 1: off). Pooled, 4k short CLINC queries set the threshold; with encoders cut to fewer layers, long
     * document-like benign text (PyRIT's assistant responses) was flagged far more often than the pooled rate says
     * and 0.05 held it at the 6-layer encoder's rate, at the cost of role-play jailbreaks (docs/accuracy.md). The
     * shipped 6-layer head does not use it.
     */
    static final double TARGET_LONG_SOURCE_FPR = Double.parseDouble(System.getProperty("bulwark.injection.longSourceFpr", "1"));
    static final double[] LAMBDAS = {0.3, 3.0};
    /** Classifier inputs shorter than this get their own threshold (see {@link ClassifierHead}). */
    static final int SHORT_CHARS = 200;

    private TrainInjection() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        Path output = Path.of(args.length > 1 ? args[1]
                : "detect/src/main/resources/dev/bulwark/detect/injection/head.json");
        InjectionCorpus corpus = InjectionCorpus.load(datasets);
        List<Example> train = corpus.trainSide();
        System.err.printf("corpus %d examples, train %d%n", corpus.examples().size(), train.size());
        Features features = Features.of(train, Path.of("bench/target/injection-embeddings.cache"));
        double[] weights = weights(train);
        boolean[] y = new boolean[train.size()];
        for (int i = 0; i < y.length; i++) y[i] = train.get(i).injection();

        double bestLambda = LAMBDAS[0];
        Choice best = null;
        double[] bestOof = null;
        for (double lambda : LAMBDAS) {
            double[] oof = outOfFold(train, features.embeddings(), y, weights, lambda);
            Choice choice = Choice.of(oof, features.ruleScores(), y);
            System.err.printf(Locale.ROOT, "lambda %.2f: threshold %.4f, OOF combined recall %.4f FPR %.4f%n",
                    lambda, choice.threshold, choice.recall, choice.fpr);
            if (best == null || choice.recall > best.recall) {
                best = choice;
                bestOof = oof;
                bestLambda = lambda;
            }
        }
        double[] beta = LogisticRegression.fit(features.embeddings(), y, weights, bestLambda);
        SourceChoice longChoice = SourceChoice.of(train, bestOof, features, y, best.threshold, false,
                TARGET_LONG_SOURCE_FPR);
        System.err.printf(Locale.ROOT, "long (>= %d chars): threshold %.4f, OOF combined recall %.4f (was %.4f), "
                + "worst benign source FPR %.4f (was %.4f)%n", SHORT_CHARS, longChoice.threshold, longChoice.recall,
                longChoice.recallBefore, longChoice.worstFpr, longChoice.worstFprBefore);
        SourceChoice shortChoice = SourceChoice.of(train, bestOof, features, y, longChoice.threshold, true, TARGET_FPR);
        System.err.printf(Locale.ROOT, "short (< %d chars): threshold %.4f, OOF combined recall %.4f (was %.4f), "
                + "worst benign source FPR %.4f (was %.4f)%n", SHORT_CHARS, shortChoice.threshold, shortChoice.recall,
                shortChoice.recallBefore, shortChoice.worstFpr, shortChoice.worstFprBefore);

        ObjectNode training = corpus.manifest();
        training.put("split", Split.describe());
        training.put("model", "logistic regression, Newton/IRLS, L2 lambda chosen from " + Arrays.toString(LAMBDAS)
                + " by 5-fold CV on the train side (grouped like the split); examples weighted so that each source carries "
                + "equal total weight within its class and both classes equal weight (4k CLINC queries do not "
                + "outvote 70 hard negatives); BIPIA attacks excluded from training (evaluation only)");
        training.put("lambda", bestLambda);
        training.put("threshold", "smallest threshold whose out-of-fold combined (rules + classifier) false-positive "
                + "rate on the train side is <= " + TARGET_FPR);
        var cv = training.putObject("crossValidation");
        cv.put("combinedRecall", round(best.recall));
        cv.put("combinedFpr", round(best.fpr));
        cv.put("classifierRecall", round(best.classifierRecall));
        cv.put("classifierFpr", round(best.classifierFpr));
        training.put("shortThreshold", "for classifier inputs under " + SHORT_CHARS + " characters: the smallest "
                + "threshold (not below the main one) whose out-of-fold combined false-positive rate is <= " + TARGET_FPR
                + " for every benign source separately (short benign prompts with trigger words, and non-English "
                + "ones, are few next to CLINC150 and would not move a pooled rate)");
        var sh = cv.putObject("short");
        training.put("longThreshold", "then raised, for inputs of " + SHORT_CHARS + " characters or more, to the "
                + "smallest threshold whose out-of-fold combined false-positive rate is <= " + TARGET_LONG_SOURCE_FPR
                + " for every benign source with at least " + SourceChoice.MIN_SOURCE_EXAMPLES + " long examples "
                + "separately (long document-like benign text is a small share of the pool)");
        var lg = cv.putObject("long");
        lg.put("combinedRecall", round(longChoice.recall));
        lg.put("combinedRecallAtPooledThreshold", round(longChoice.recallBefore));
        lg.put("worstSourceFpr", round(longChoice.worstFpr));
        lg.put("worstSourceFprAtPooledThreshold", round(longChoice.worstFprBefore));
        sh.put("combinedRecall", round(shortChoice.recall));
        sh.put("combinedRecallAtMainThreshold", round(shortChoice.recallBefore));
        sh.put("worstSourceFpr", round(shortChoice.worstFpr));
        sh.put("worstSourceFprAtMainThreshold", round(shortChoice.worstFprBefore));
        training.put("trainExamples", train.size());
        training.put("command", "bench/train-injection.sh");

        var head = new ClassifierHead(Arrays.copyOf(beta, beta.length - 1), beta[beta.length - 1], longChoice.threshold,
                SHORT_CHARS, shortChoice.threshold, training);
        var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json.writeValueAsString(head.toJson()) + "\n");
        System.err.println("wrote " + output);
    }

    /**
     * Source-balanced class weights: every source has the same total weight within its class, and the two classes
     * have the same total weight, normalised to a mean weight of 1.
     */
    static double[] weights(List<Example> train) {
        var perSource = new java.util.HashMap<String, Integer>();
        var sourcesPerClass = new java.util.HashMap<Boolean, java.util.Set<String>>();
        for (Example e : train) {
            perSource.merge(e.source(), 1, Integer::sum);
            sourcesPerClass.computeIfAbsent(e.injection(), k -> new java.util.HashSet<>()).add(e.source());
        }
        double[] w = new double[train.size()];
        for (int i = 0; i < w.length; i++) {
            Example e = train.get(i);
            w[i] = train.size() / 2.0 / sourcesPerClass.get(e.injection()).size() / perSource.get(e.source());
        }
        return w;
    }

    static double[] outOfFold(List<Example> train, float[][] x, boolean[] y, double[] w, double lambda) {
        double[] oof = new double[train.size()];
        for (int fold = 0; fold < Split.FOLDS; fold++) {
            var fit = new ArrayList<Integer>();
            var held = new ArrayList<Integer>();
            for (int i = 0; i < train.size(); i++) (Split.fold(train.get(i)) == fold ? held : fit).add(i);
            float[][] fx = new float[fit.size()][];
            boolean[] fy = new boolean[fit.size()];
            double[] fw = new double[fit.size()];
            for (int k = 0; k < fit.size(); k++) {
                fx[k] = x[fit.get(k)];
                fy[k] = y[fit.get(k)];
                fw[k] = w[fit.get(k)];
            }
            double[] beta = LogisticRegression.fit(fx, fy, fw, lambda);
            for (int i : held) oof[i] = LogisticRegression.probability(beta, x[i]);
        }
        return oof;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /**
     * A threshold and what it yields. With rule score r and classifier probability p, the combined score
     * {@code 1 − (1 − r)(1 − c)} with {@code c = sigmoid(logit p − logit t)} reaches 0.5 exactly when
     * {@code t <= sigmoid(logit p − logit q)}, {@code q = 1 − 0.5 / (1 − r)} (always when r >= 0.5), so each
     * example has a largest threshold that still flags it; sorting the negatives' values gives the threshold.
     */
    record Choice(double threshold, double recall, double fpr, double classifierRecall,
            double classifierFpr) {
        static Choice of(double[] p, double[] r, boolean[] y) {
            var negatives = new ArrayList<Double>();
            for (int i = 0; i < p.length; i++) if (!y[i]) negatives.add(limit(p[i], r[i]));
            negatives.sort((a, b) -> Double.compare(b, a));
            int allowed = (int) Math.floor(TARGET_FPR * negatives.size());
            double t = allowed < negatives.size() ? Math.nextUp(negatives.get(allowed)) : 0.5;
            t = Math.max(0.02, Math.min(0.98, t));
            var combined = new Metrics();
            var classifier = new Metrics();
            for (int i = 0; i < p.length; i++) {
                combined.add(y[i], limit(p[i], r[i]) >= t);
                classifier.add(y[i], p[i] >= t);
            }
            return new Choice(t, combined.recall(), combined.fpr(), classifier.recall(), classifier.fpr());
        }

        static double limit(double p, double r) {
            if (r >= 0.5) return Double.POSITIVE_INFINITY;
            double q = 1 - 0.5 / (1 - r);
            double logit = Math.log(p / (1 - p)) - Math.log(q / (1 - q));
            return 1 / (1 + Math.exp(-logit));
        }
    }

    /**
     * A threshold for the short (or the long) inputs: for each benign source, the smallest threshold that keeps its
     * short (long) examples' out-of-fold combined FPR at or below the target (examples a rule flags on its own cannot
     * be helped and only use up the allowance); the largest of those, and never below {@code floor}. Sources with
     * fewer than {@value #MIN_SOURCE_EXAMPLES} long examples are not constrained (one text would be 10 %).
     */
    private record SourceChoice(double threshold, double recall, double recallBefore, double worstFpr,
            double worstFprBefore) {
        static final int MIN_SOURCE_EXAMPLES = 10;

        static SourceChoice of(List<Example> train, double[] p, Features f, boolean[] y, double floor, boolean shortBand,
                double target) {
            var bySource = new java.util.TreeMap<String, List<Double>>();
            var shortIdx = new ArrayList<Integer>();
            for (int i = 0; i < p.length; i++) {
                if ((f.inputChars()[i] < SHORT_CHARS) != shortBand) continue;
                shortIdx.add(i);
                if (!y[i]) bySource.computeIfAbsent(train.get(i).source(), k -> new ArrayList<>())
                        .add(Choice.limit(p[i], f.ruleScores()[i]));
            }
            if (!shortBand) bySource.values().removeIf(values -> values.size() < MIN_SOURCE_EXAMPLES);
            double t = floor;
            for (List<Double> values : bySource.values()) {
                values.sort((a, b) -> Double.compare(b, a));
                int allowed = (int) Math.floor(target * values.size());
                // Infinite values are rule-flagged: no threshold clears them, so they use up the allowance first.
                long infinite = values.stream().filter(v -> v.isInfinite()).count();
                int k = (int) Math.max(infinite, allowed);
                if (k < values.size()) t = Math.max(t, Math.nextUp(values.get(k)));
            }
            t = Math.min(0.98, t);
            return new SourceChoice(t, recall(shortIdx, p, f, y, t), recall(shortIdx, p, f, y, floor),
                    worstFpr(bySource, t), worstFpr(bySource, floor));
        }

        private static double recall(List<Integer> idx, double[] p, Features f, boolean[] y, double t) {
            var m = new Metrics();
            for (int i : idx) if (y[i]) m.add(true, Choice.limit(p[i], f.ruleScores()[i]) >= t);
            return m.recall();
        }

        private static double worstFpr(java.util.Map<String, List<Double>> bySource, double t) {
            double worst = 0;
            for (List<Double> values : bySource.values()) {
                long fp = values.stream().filter(v -> v >= t).count();
                worst = Math.max(worst, (double) fp / values.size());
            }
            return worst;
        }
    }
}
