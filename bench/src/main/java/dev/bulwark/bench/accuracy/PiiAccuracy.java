package dev.bulwark.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.pii.Accuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PII precision / recall / F1 per entity type on the presidio-research synthetic set
 * ({@code synth_dataset_v2.json}: records of {@code full_text} and {@code spans} with {@code entity_type},
 * {@code start_position}, {@code end_position}), span-overlap matching. Presidio labels with a counterpart here
 * are scored; predictions of our types that have no label in the set are counted apart, not as errors.
 * Usage: {@code PiiAccuracy DATASET.json [--threshold 0.5] [--errors N]}.
 */
public final class PiiAccuracy {
    /** Presidio label → ours. Labels not listed have no counterpart. */
    static final Map<String, EntityType> LABELS = Map.of(
            "EMAIL_ADDRESS", EntityType.EMAIL,
            "PHONE_NUMBER", EntityType.PHONE,
            "CREDIT_CARD", EntityType.PAYMENT_CARD,
            "IBAN_CODE", EntityType.IBAN,
            "US_SSN", EntityType.US_SSN,
            "IP_ADDRESS", EntityType.IP_ADDRESS,
            "PERSON", EntityType.PERSON);

    private PiiAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PiiAccuracy DATASET.json [--threshold T] [--errors N]");
            System.exit(2);
        }
        double threshold = EntityEngine.DEFAULT_THRESHOLD;
        int errors = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--threshold")) threshold = Double.parseDouble(args[i + 1]);
            else if (args[i].equals("--errors")) errors = Integer.parseInt(args[i + 1]);
        }
        JsonNode records = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        EntityEngine engine = EntityEngine.builder().threshold(threshold).build();
        Set<EntityType> scored = EnumSet.copyOf(LABELS.values());
        var accuracy = new Accuracy();
        var unmapped = new TreeMap<String, Integer>();
        var unscored = new TreeMap<EntityType, Integer>();
        var errorLines = new ArrayList<String>();
        long chars = 0;
        long nanos = 0;
        for (JsonNode record : records) {
            String text = record.path("full_text").asText();
            var gold = new ArrayList<Accuracy.Span>();
            for (JsonNode span : record.path("spans")) {
                String label = span.path("entity_type").asText();
                EntityType type = LABELS.get(label);
                if (type == null) unmapped.merge(label, 1, Integer::sum);
                else gold.add(new Accuracy.Span(type, span.path("start_position").asInt(), span.path("end_position").asInt()));
            }
            long t0 = System.nanoTime();
            List<Entity> found = engine.scan(text);
            nanos += System.nanoTime() - t0;
            chars += text.length();
            var predicted = found.stream().filter(e -> scored.contains(e.type())).toList();
            found.stream().filter(e -> !scored.contains(e.type())).forEach(e -> unscored.merge(e.type(), 1, Integer::sum));
            accuracy.add(gold, predicted);
            if (errors > 0) collectErrors(text, gold, predicted, errorLines);
        }
        print(accuracy, unmapped, unscored, records.size(), threshold);
        System.out.printf(Locale.ROOT, "%nscanned %d records, %d chars, in %.0f ms (first call includes loading)%n",
                records.size(), chars, nanos / 1e6);
        errorLines.stream().limit(errors).forEach(System.out::println);
    }

    private static void print(Accuracy accuracy, Map<String, Integer> unmapped, Map<EntityType, Integer> unscored,
                              int records, double threshold) {
        System.out.printf(Locale.ROOT, "records: %d, threshold: %.2f%n%n", records, threshold);
        System.out.println("| Presidio label | our type | gold spans | precision | recall | F1 | TP | FP | FN |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        LABELS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                row(e.getKey(), e.getValue().name(), accuracy.of(e.getValue())));
        row("**overall (micro)**", "", accuracy.overall());
        System.out.println();
        System.out.println("Presidio labels without a counterpart (gold spans, not scored): " + unmapped);
        System.out.println("Our predictions of types the set does not label (not scored): " + unscored);
    }

    private static void row(String label, String ours, Accuracy.Counts c) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %d | %d | %d |%n", label, ours, c.gold(),
                fmt(c.precision()), fmt(c.recall()), fmt(c.f1()), c.truePositives(), c.falsePositives(), c.missed());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void collectErrors(String text, List<Accuracy.Span> gold, List<Entity> predicted, List<String> out) {
        String oneLine = text.replace('\n', ' ');
        for (Entity p : predicted) {
            if (gold.stream().noneMatch(g -> g.type() == p.type() && g.start() < p.end() && p.start() < g.end())) {
                out.add("FP " + p.type() + " [" + oneLine.substring(p.start(), p.end()) + "] "
                        + String.format(Locale.ROOT, "%.2f", p.score()) + " in: " + abbreviate(oneLine));
            }
        }
        for (Accuracy.Span g : gold) {
            if (predicted.stream().noneMatch(p -> p.type() == g.type() && g.start() < p.end() && p.start() < g.end())) {
                out.add("FN " + g.type() + " [" + oneLine.substring(g.start(), g.end()) + "] in: " + abbreviate(oneLine));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
