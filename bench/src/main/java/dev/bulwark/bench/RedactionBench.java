package dev.bulwark.bench;

import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.Recognizer;
import dev.bulwark.detect.pii.PiiRecognizers;
import dev.bulwark.detect.redact.Redaction;
import dev.bulwark.detect.redact.RedactionOperator;
import dev.bulwark.detect.redact.StreamingRedactor;
import dev.bulwark.detect.secret.SecretRecognizers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Redaction throughput on English prose with about 1% PII (by characters), one thread. One operation is one pass
 * over the whole corpus ({@link Corpus#SIZE_CHARS} characters, generated from a fixed seed), so MB/s =
 * corpus MB / seconds per operation. Side by side in the same run: a plain copy loop (the floor any redactor
 * pays) and a single-regex e-mail-only redactor (what a naïve filter costs), so the ratios say what full detection
 * costs. {@link #main} times each recognizer alone over the same corpus, to show which one dominates.
 *
 * <p>Run, with {@code CP} the bench classes plus {@code mvn -pl bench dependency:build-classpath}:
 * {@code java -cp $CP org.openjdk.jmh.Main RedactionBench} (JMH), {@code java -cp $CP dev.bulwark.bench.RedactionBench}
 * (cost per recognizer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RedactionBench {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+");

    private List<String> documents;
    private String whole;
    private EntityScanner scanner;

    @Setup
    public void setup() {
        documents = Corpus.documents();
        whole = String.join("", documents);
        scanner = EntityScanner.standard();
    }

    /** The standard scanner plus the replace operator, document by document (replies of a few KB). */
    @Benchmark
    public void redactReplace(Blackhole bh) {
        for (String doc : documents) bh.consume(Redaction.redact(doc, scanner, RedactionOperator.replace()));
    }

    /** The same text as one stream fed in 16 KB chunks, as {@code bulwark redact} reads stdin. */
    @Benchmark
    public void redactStreaming(Blackhole bh) {
        var redactor = StreamingRedactor.of(scanner, RedactionOperator.replace(), 64 * 1024);
        for (int i = 0; i < whole.length(); i += 16 * 1024) {
            bh.consume(redactor.accept(whole.substring(i, Math.min(whole.length(), i + 16 * 1024))));
        }
        bh.consume(redactor.finish());
    }

    /** Baseline: copy every character, no detection. */
    @Benchmark
    public void baselineCopy(Blackhole bh) {
        for (String doc : documents) {
            var out = new StringBuilder(doc.length());
            for (int i = 0; i < doc.length(); i++) out.append(doc.charAt(i));
            bh.consume(out.toString());
        }
    }

    /** Baseline: one e-mail regex, replaced by its tag. */
    @Benchmark
    public void baselineEmailRegex(Blackhole bh) {
        for (String doc : documents) bh.consume(EMAIL.matcher(doc).replaceAll("<EMAIL>"));
    }

    /** Times each recognizer alone over the corpus (simple timing, best of a few rounds after warm-up). */
    public static void main(String[] args) {
        List<String> docs = Corpus.documents();
        double mb = Corpus.megabytes(docs);
        System.out.printf("corpus: %.2f MB in %d documents%n", mb, docs.size());
        var all = Stream.concat(PiiRecognizers.standard().stream(), SecretRecognizers.standard().stream()).toList();
        var rows = new ArrayList<String>();
        rows.add(String.format("%-40s %8.1f MB/s", "all (EntityScanner.standard)", rate(EntityScanner.standard(), docs, mb)));
        for (Recognizer r : all) {
            var alone = EntityEngine.builder().recognizers(List.of(r)).build();
            rows.add(String.format("%-40.40s %8.1f MB/s", label(r), rate(alone, docs, mb)));
        }
        rows.forEach(System.out::println);
    }

    private static String label(Recognizer r) {
        String s = r.toString();
        return s.startsWith(r.getClass().getName() + "@") ? r.getClass().getSimpleName() : s;
    }

    private static double rate(EntityScanner scanner, List<String> docs, double mb) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            int found = 0;
            for (String doc : docs) found += scanner.scan(doc).size();
            double s = (System.nanoTime() - t0) / 1e9;
            if (round >= 2) best = Math.min(best, s);
            if (found < 0) throw new AssertionError();
        }
        return mb / best;
    }

    /** English-like prose with planted e-mails, phone numbers and card numbers, the same for every run. */
    static final class Corpus {
        static final int SIZE_CHARS = 4 << 20;
        static final long SEED = 20_260_301L;
        private static final String[] WORDS = ("the a our your team report meeting customer order invoice project "
                + "update review budget quarter plan product release feature support request account policy service "
                + "please thanks will should could would can must need send check confirm schedule share discuss "
                + "today tomorrow monday friday next last week month year morning afternoon before after during "
                + "with from about into over under between across and or but so because although while when if "
                + "new old final draft important urgent small large quick simple detailed clear open closed "
                + "version 2.4.1 build 1183 total $1,250.00 room 12 at 10:30 on 2024-06-03 ticket #44812").split(" ");
        private static final String[] FIRST = {"jane", "john", "maria", "li", "ahmed", "sofia", "peter", "amara"};
        private static final String[] DOMAINS = {"example.com", "mail.example.org", "corp.example.net"};
        private static final String[] CARDS = {"4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005",
                "4012888888881881", "6011 1111 1111 1117"};
        private static final String[] PHONES = {"+44 20 7946 0958", "+1 415 555 0132", "(212) 555-0187",
                "+33 1 42 68 53 00", "+49 30 901820"};

        static List<String> documents() {
            var random = new SplittableRandom(SEED);
            var docs = new ArrayList<String>();
            int total = 0;
            while (total < SIZE_CHARS) {
                String doc = document(random, 2048 + random.nextInt(6144));
                docs.add(doc);
                total += doc.length();
            }
            return List.copyOf(docs);
        }

        static double megabytes(List<String> docs) {
            return docs.stream().mapToLong(String::length).sum() / 1e6;
        }

        /** Sentences of 6..20 words; after each sentence, a 1-in-24 chance of one planted value (~1% of chars). */
        private static String document(SplittableRandom random, int size) {
            var out = new StringBuilder(size + 256);
            while (out.length() < size) {
                int words = 6 + random.nextInt(15);
                for (int i = 0; i < words; i++) {
                    String w = WORDS[random.nextInt(WORDS.length)];
                    out.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(' ');
                }
                out.setLength(out.length() - 1);
                out.append(random.nextInt(10) == 0 ? ".\n" : ". ");
                if (random.nextInt(24) == 0) out.append(planted(random)).append(". ");
            }
            return out.toString();
        }

        private static String planted(SplittableRandom random) {
            return switch (random.nextInt(3)) {
                case 0 -> "Write to " + FIRST[random.nextInt(FIRST.length)] + "." + random.nextInt(100) + "@"
                        + DOMAINS[random.nextInt(DOMAINS.length)];
                case 1 -> "Call " + PHONES[random.nextInt(PHONES.length)];
                default -> "Card " + CARDS[random.nextInt(CARDS.length)];
            };
        }
    }
}
