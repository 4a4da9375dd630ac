package dev.bulwark.bench.injection;

import dev.bulwark.detect.injection.Combination;
import dev.bulwark.detect.injection.EncoderScreen;
import dev.bulwark.detect.injection.InjectionClassifier;
import dev.bulwark.detect.injection.InjectionDetector;
import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.TextNormalizer;
import dev.bulwark.detect.injection.TextSource;
import dev.bulwark.detect.injection.Triage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Scores the held-out side of the split with the bundled detector (rules and head as shipped) and prints
 * precision, recall and false-positive rate for rules only, classifier only and combined, overall and per slice,
 * as a Markdown table, plus the misses. BIPIA's e-mails are scored as {@link TextSource#DATA} (they are what the
 * application reads); a second table scores them, and the PyRIT responses, under the other reading. Run by {@code bench/accuracy-injection.sh}.
 *
 * <p>Arguments: {@code [datasets-dir] [output.md]}.
 */
public final class EvaluateInjection {
    private static final int SHOW_MISSES = 6;

    private EvaluateInjection() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        Path output = Path.of(args.length > 1 ? args[1] : "bench/target/accuracy-injection.md");
        List<Example> all = InjectionCorpus.load(datasets).examples();
        List<Example> test = all.stream()
                .filter(e -> !Split.isTrain(e)).toList();
        InjectionDetector detector = InjectionDetector.standard();
        InjectionDetector triageOnly = InjectionDetector.standard(List.of(Triage.standard()));
        InjectionDetector everyText = InjectionDetector.standardWithoutTriage();
        InjectionScore[] scores = new InjectionScore[test.size()];
        InjectionScore[] triaged = new InjectionScore[test.size()];
        InjectionScore[] ungated = new InjectionScore[test.size()];
        IntStream.range(0, test.size()).parallel().forEach(i -> {
            // each variant scores every text: with fewer gates the second look into a long text may read where the
            // shipped gates stopped it, even when the start reads the same
            scores[i] = detector.score(test.get(i).text(), test.get(i).textSource());
            triaged[i] = triageOnly.score(test.get(i).text(), test.get(i).textSource());
            ungated[i] = everyText.score(test.get(i).text(), test.get(i).textSource());
        });
        // The same texts under the other reading, to show what saying "this is data" changes (and costs).
        var swapped = new ArrayList<Example>();
        var swappedScores = new ArrayList<InjectionScore>();
        for (Example e : test) {
            if (e.source().startsWith("bipia") || e.source().equals("pyrit-responses")) {
                TextSource other = e.textSource() == TextSource.DATA ? TextSource.PROMPT : TextSource.DATA;
                swapped.add(new Example(e.text(), e.injection(), e.source() + " as " + other.name().toLowerCase(
                        Locale.ROOT), e.group(), e.language(), e.hardNegative()));
                swappedScores.add(detector.score(e.text(), other));
            }
        }

        var slices = new LinkedHashMap<String, Predicate<Example>>();
        slices.put("**all held-out**", e -> true);
        slices.put("all except BIPIA (direct injection)", e -> !e.source().startsWith("bipia"));
        slices.put("non-English (ours)", e -> !e.language().equals("en"));
        slices.put("hard negatives (ours)", Example::hardNegative);
        // the head has its own threshold under 200 characters, where benign prompts with trigger words live
        slices.put("short texts (< 200 characters)", e -> e.text().length() < 200);
        test.stream().map(Example::source).distinct().sorted()
                .forEach(s -> slices.put("source: " + s, e -> e.source().equals(s)));

        var out = new StringBuilder();
        out.append("| slice | injections | benign | variant | precision | recall | FPR |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|\n");
        table(out, slices, test, scores);
        var other = new LinkedHashMap<String, Predicate<Example>>();
        swapped.stream().map(Example::source).distinct().sorted()
                .forEach(s -> other.put("source: " + s, e -> e.source().equals(s)));
        table(out, other, swapped, swappedScores.toArray(InjectionScore[]::new));
        appendPadded(out, detector, all, test);
        out.append("\nWhich texts the full model read, and the combined verdicts (injections | benign | precision | "
                + "recall | FPR):\n\n");
        appendGates(out, "triage and screen (shipped)", test, scores);
        appendGates(out, "triage only", test, triaged);
        appendGates(out, "no gate (model on every text)", test, ungated);
        appendOrdinary(out, detector, List.of(Path.of("bench/data/ordinary-prompts-accounting.txt"),
                Path.of("detect/src/test/resources/dev/bulwark/detect/injection/ordinary-business-prompts.txt")));
        out.append("\nMisses of the combined detector (first ").append(SHOW_MISSES).append(" of each kind):\n\n");
        appendMisses(out, test, scores, true);
        appendMisses(out, test, scores, false);
        System.out.print(out);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, out.toString());
        System.err.println("wrote " + output);
    }

    /**
     * The held-out direct injections again, each behind a clean BIPIA e-mail (chosen by the injection's group): the
     * classifier reads only the start of a text, so this measures what ordinary padding in front of an attack costs.
     */
    private static void appendPadded(StringBuilder out, InjectionDetector detector, List<Example> all,
            List<Example> test) {
        Padding padding = Padding.of(all);
        List<Example> padded = test.stream().filter(e -> e.injection() && !e.source().startsWith("bipia"))
                .map(e -> new Example(padding.behind(e), true, e.source(), e.group(), e.language(), e.hardNegative()))
                .toList();
        InjectionDetector startOnly = InjectionDetector.standard(List.of(Triage.standard(), EncoderScreen.standard()),
                Optional.empty());
        for (var variant : List.of(Map.entry("", detector), Map.entry(", the model reading the start only", startOnly))) {
            InjectionScore[] scores = padded.parallelStream()
                    .map(e -> variant.getValue().score(e.text(), e.textSource())).toArray(InjectionScore[]::new);
            table(out, Map.of("direct injections behind a clean e-mail" + variant.getKey(), e -> true), padded, scores);
        }
    }

    private static void table(StringBuilder out, Map<String, Predicate<Example>> slices, List<Example> test,
            InjectionScore[] scores) {
        for (Map.Entry<String, Predicate<Example>> slice : slices.entrySet()) {
            Metrics rules = new Metrics();
            Metrics classifier = new Metrics();
            Metrics combined = new Metrics();
            for (int i = 0; i < test.size(); i++) {
                Example e = test.get(i);
                if (!slice.getValue().test(e)) continue;
                rules.add(e.injection(), scores[i].ruleScore() >= Combination.FLAG_AT);
                classifier.add(e.injection(), scores[i].classifier().orElse(0) >= Combination.FLAG_AT);
                combined.add(e.injection(), scores[i].flagged());
            }
            for (var variant : List.of(Map.entry("rules only", rules), Map.entry("classifier only", classifier),
                    Map.entry("combined", combined))) {
                String[] cells = variant.getValue().row().split(" \\| ");
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", slice.getKey(),
                        cells[0], cells[1], variant.getKey(), cells[2], cells[3], cells[4]));
            }
        }
    }

    /**
     * Ordinary business prompts (one a line; never used for training; the accounting list also goes through the
     * gateway in the blind-bot check): how many each layer flags, and which. An assistant that refuses these is one
     * nobody keeps on.
     */
    private static void appendOrdinary(StringBuilder out, InjectionDetector detector, List<Path> files)
            throws Exception {
        out.append("\nOrdinary business prompts, never used in training (flagged by rules | classifier | combined; how "
                + "many the triage sends to the screen, and the screen on to the full model):\n\n");
        Triage triage = Triage.standard();
        EncoderScreen screen = EncoderScreen.standard();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) continue;
            List<String> prompts = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            int rules = 0;
            int classifier = 0;
            int screened = 0;
            int read = 0;
            var flagged = new ArrayList<String>();
            for (String prompt : prompts) {
                String input = InjectionClassifier.input(TextNormalizer.normalize(prompt));
                if (triage.modelNeeded(input)) {
                    screened++;
                    if (screen.modelNeeded(input)) read++;
                }
                InjectionScore score = detector.score(prompt, TextSource.PROMPT);
                if (score.ruleScore() >= Combination.FLAG_AT) rules++;
                if (score.classifier().orElse(0) >= Combination.FLAG_AT) classifier++;
                if (score.flagged()) flagged.add(String.format(Locale.ROOT, "%s (%.2f, %s)", prompt,
                        score.score(), String.join(", ", score.reasons())));
            }
            out.append(String.format(Locale.ROOT, "- %s: %d prompts, flagged %d | %d | %d; triage → screen %d, "
                    + "screen → full model %d%n", file.getFileName(), prompts.size(), rules, classifier,
                    flagged.size(), screened, read));
            flagged.forEach(f -> out.append("  - ").append(f).append('\n'));
        }
    }

    /** What a set of gates saved (texts the model did not read) and the verdicts with it. */
    private static void appendGates(StringBuilder out, String gates, List<Example> test, InjectionScore[] scores) {
        int benign = 0;
        int benignRead = 0;
        int injections = 0;
        int injectionsRead = 0;
        var combined = new Metrics();
        for (int i = 0; i < test.size(); i++) {
            boolean injection = test.get(i).injection();
            boolean read = scores[i].classifier().isPresent();
            if (injection) {
                injections++;
                if (read) injectionsRead++;
            } else {
                benign++;
                if (read) benignRead++;
            }
            combined.add(injection, scores[i].flagged());
        }
        out.append(String.format(Locale.ROOT, "- %s: the model read %d of %d benign texts (%.1f %%) and %d of %d "
                + "injections (%.1f %%); combined %s%n", gates, benignRead, benign, 100.0 * benignRead / benign,
                injectionsRead, injections, 100.0 * injectionsRead / injections, combined.row()));
    }

    private static void appendMisses(StringBuilder out, List<Example> test, InjectionScore[] scores, boolean fn) {
        var misses = new ArrayList<String>();
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            boolean miss = fn ? e.injection() && !scores[i].flagged() : !e.injection() && scores[i].flagged();
            if (miss) {
                String text = e.text().replaceAll("\\s+", " ");
                misses.add(String.format(Locale.ROOT, "- %s [%s, score %.2f, %s]: %s", fn ? "missed" : "false alarm",
                        e.source(), scores[i].score(), scores[i].reasons(),
                        text.length() > 140 ? text.substring(0, 140) + "…" : text));
            }
        }
        out.append(fn ? "False negatives: " : "False positives: ").append(misses.size()).append('\n');
        misses.stream().limit(SHOW_MISSES).forEach(m -> out.append(m).append('\n'));
        out.append('\n');
    }
}
