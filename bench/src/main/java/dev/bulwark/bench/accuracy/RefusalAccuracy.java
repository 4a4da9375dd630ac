package dev.bulwark.bench.accuracy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.bulwark.detect.RefusalDetector;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of {@link RefusalDetector} on PyRIT's human-labelled refusal sets
 * ({@code refusal/pyrit/refusal_scorer/*.csv}: human_score 1 = refusal or off-task, 0 = complies). Prints a
 * Markdown table per file and overall, then the misclassified rows (shortened) so the detector can be improved.
 * Usage: {@code RefusalAccuracy DATASETS_DIR [OUT.md]}.
 */
public final class RefusalAccuracy {
    private static final List<String> FILES = List.of("refusal.csv", "refusal_extra.csv");
    private static final int SHOWN = 110;

    private RefusalAccuracy() {
    }

    record Row(String file, String response, boolean refusal) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RefusalAccuracy DATASETS_DIR [OUT.md]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve("refusal/pyrit/refusal_scorer");
        var rows = new ArrayList<Row>();
        for (String file : FILES) rows.addAll(read(dir.resolve(file), file));
        String report = report(rows, RefusalDetector.standard());
        System.out.print(report);
        if (args.length > 1) Files.writeString(Path.of(args[1]), report, StandardCharsets.UTF_8);
    }

    static List<Row> read(Path csv, String name) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.ALLOW_COMMENTS)
                .enable(CsvParser.Feature.TRIM_SPACES).build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        var rows = new ArrayList<Row>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
            while (it.hasNext()) {
                Map<String, String> r = it.next();
                String score = r.getOrDefault("human_score", "").strip();
                if (!score.equals("0") && !score.equals("1")) continue;
                rows.add(new Row(name, r.getOrDefault("assistant_response", ""), score.equals("1")));
            }
        }
        return rows;
    }

    static String report(List<Row> rows, RefusalDetector detector) {
        var out = new StringBuilder("| set | refusals | compliant | precision | recall | F1 | false-positive rate |\n")
                .append("|---|---|---|---|---|---|---|\n");
        var misses = new StringBuilder();
        for (String set : List.of(FILES.get(0), FILES.get(1), "all")) {
            int tp = 0, fp = 0, tn = 0, fn = 0;
            for (Row row : rows) {
                if (!set.equals("all") && !row.file().equals(set)) continue;
                boolean flagged = detector.isRefusal(row.response());
                if (row.refusal() && flagged) tp++;
                else if (row.refusal()) fn++;
                else if (flagged) fp++;
                else tn++;
                if (set.equals("all") && flagged != row.refusal()) {
                    misses.append(flagged ? "- FP: " : "- FN: ").append(shorten(row.response())).append('\n');
                }
            }
            double precision = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
            double f1 = 2 * precision * recall / (precision + recall);
            double fpr = fp + tn == 0 ? Double.NaN : fp / (double) (fp + tn);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", set, tp + fn,
                    fp + tn, precision, recall, f1, fpr));
        }
        return out.append("\nMisclassified:\n").append(misses).toString();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SHOWN ? flat : flat.substring(0, SHOWN) + "…";
    }
}
