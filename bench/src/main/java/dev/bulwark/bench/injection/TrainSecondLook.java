package dev.bulwark.bench.injection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.Combination;
import dev.bulwark.detect.injection.EncoderScreen;
import dev.bulwark.detect.injection.InjectionClassifier;
import dev.bulwark.detect.injection.InjectionDetector;
import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.SecondLook;
import dev.bulwark.detect.injection.TextNormalizer;
import dev.bulwark.detect.injection.Triage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sets the second look's threshold ({@code SecondLook}: which stretch of a long text past its start the model reads
 * too) and writes {@code second-look.json}. Run by {@code bench/train-injection.sh} once the head, triage and screen
 * are installed. Each train-side injection is put behind a clean BIPIA e-mail (chosen by its group, as the
 * evaluation does with the held-out ones) and scored by the bundled detector with a second look at any stretch; the
 * threshold is the triage probability at or above which {@value GateThreshold#KEEP} of those lie that only the
 * second look catches (no rule flags the padded text on its own, the start alone does not flag it). A long ordinary
 * text whose most suspicious stretch stays under it costs no second model run. In sample for the triage, which was
 * fitted on these injections (unpadded). Deterministic.
 *
 * <p>Arguments: {@code [datasets-dir] [output-dir]}.
 */
public final class TrainSecondLook {
    private TrainSecondLook() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        Path output = Path.of(args.length > 1 ? args[1] : "detect/src/main/resources/dev/bulwark/detect/injection");
        InjectionCorpus corpus = InjectionCorpus.load(datasets);
        Triage triage = Triage.standard();
        var gates = List.of(triage, EncoderScreen.standard());
        SecondLook anyStretch = new SecondLook(triage, 0, null); // not the bundled one: this run replaces it
        InjectionDetector withSecondLook = InjectionDetector.standard(gates, Optional.of(anyStretch));
        InjectionDetector startOnly = InjectionDetector.standard(gates, Optional.empty());
        List<Example> injections = corpus.trainSide().stream().filter(Example::injection).toList();
        Padding padding = Padding.of(corpus.examples());
        double[] caught = injections.parallelStream().mapToDouble(e -> {
            String padded = padding.behind(e);
            InjectionScore s = withSecondLook.score(padded, e.textSource());
            if (!s.flagged() || s.ruleScore() >= Combination.FLAG_AT) return Double.NaN;
            if (startOnly.score(padded, e.textSource()).flagged()) return Double.NaN;
            String input = InjectionClassifier.input(TextNormalizer.normalize(padded));
            return anyStretch.mostSuspicious(input).orElseThrow().suspicion();
        }).filter(p -> !Double.isNaN(p)).sorted().toArray();
        double threshold = caught[(int) Math.floor((1 - GateThreshold.KEEP) * caught.length)];
        System.err.printf(Locale.ROOT, "%d of %d padded train-side injections only the second look catches; "
                + "threshold %.5f%n", caught.length, injections.size(), threshold);

        ObjectNode training = corpus.gateManifest();
        training.put("split", Split.describe());
        training.put("padding", "each train-side injection (BIPIA attacks excluded) behind a clean BIPIA e-mail, "
                + "chosen by SHA-256 of the injection's group");
        training.put("threshold", "the triage probability of the most suspicious stretch at or above which "
                + GateThreshold.KEEP + " of the padded injections lie that only the second look catches (no rule flags "
                + "them on their own, the start alone does not flag them); in sample for the triage");
        training.put("paddedInjections", injections.size());
        training.put("caughtOnlyBySecondLook", caught.length);
        training.put("command", "bench/train-injection.sh");
        Files.createDirectories(output);
        Files.writeString(output.resolve("second-look.json"), anyStretch.withThreshold(threshold, training).json());
        System.err.println("wrote " + output.resolve("second-look.json") + " " + Arrays.toString(
                Arrays.copyOf(caught, Math.min(5, caught.length))));
    }
}
