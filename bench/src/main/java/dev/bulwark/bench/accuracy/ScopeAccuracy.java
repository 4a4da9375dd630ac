package dev.bulwark.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.demo.DemoGuardConfig;
import dev.bulwark.detect.injection.SentenceEncoder;
import dev.bulwark.detect.scope.TopicScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well the topic rail ({@link TopicScope}) tells an assistant's own requests from everything else, as Markdown.
 * Two settings: the demo shop's examples (what {@code demo --guarded} configures) against our held-out customer
 * messages, general-assistant tasks and CLINC150's queries, over a range of thresholds; and CLINC150's eight
 * business domains, each in turn the assistant's scope with K training queries of each of its intents as examples,
 * against the test queries of its own domain, the seven others and CLINC's out-of-scope set. Every text is embedded
 * once. Usage: {@code ScopeAccuracy DATASETS_DIR SCOPE_DATA_DIR [OUT.md]}.
 */
public final class ScopeAccuracy {
    private static final double[] THRESHOLDS = {0.28, 0.30, 0.32, 0.34, 0.35, 0.36, 0.38, 0.40};
    private static final List<String> DOMAINS = List.of("banking", "credit_cards", "kitchen_and_dining", "home",
            "auto_and_commute", "travel", "utility", "work");
    private static final int[] EXAMPLES_PER_INTENT = {5, 10};

    private ScopeAccuracy() {
    }

    record Query(String text, String domain) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScopeAccuracy DATASETS_DIR SCOPE_DATA_DIR [OUT.md]");
            System.exit(2);
        }
        Path clincDir = Path.of(args[0]).resolve("benign-prompts/clinc150");
        JsonNode data = new ObjectMapper().readTree(clincDir.resolve("data_full.json").toFile());
        Map<String, String> domainOf = domains(new ObjectMapper().readTree(clincDir.resolve("domains.json").toFile()));
        List<Query> test = new ArrayList<>();
        data.get("test").forEach(q -> test.add(new Query(q.get(0).asText(), domainOf.get(q.get(1).asText()))));
        data.get("oos_test").forEach(q -> test.add(new Query(q.get(0).asText(), "oos")));
        Path scopeData = Path.of(args[1]);
        List<String> customers = lines(scopeData.resolve("customer-messages.txt"));
        List<String> general = lines(scopeData.resolve("general-tasks.txt"));
        List<String> emails = lines(scopeData.resolve("customer-emails.txt"));
        List<String> carried = lines(scopeData.resolve("carried-tasks.txt"));

        SentenceEncoder encoder = SentenceEncoder.miniLm();
        long start = System.nanoTime();
        List<float[]> testVectors = test.stream().map(q -> encoder.embed(q.text())).toList();
        double msPerText = (System.nanoTime() - start) / 1e6 / test.size();

        var out = new StringBuilder("# Topic rail accuracy\n\n");
        out.append(String.format(Locale.ROOT, "all-MiniLM-L6-v2, %.1f ms per CLINC150 query embedded on this machine.%n%n",
                msPerText));
        demoShop(out, encoder, List.of(customers, emails), List.of(general, carried), test, testVectors);
        clincDomains(out, encoder, data, domainOf, test, testVectors);
        System.out.print(out);
        if (args.length > 2) Files.writeString(Path.of(args[2]), out, StandardCharsets.UTF_8);
    }

    /** The demo shop's examples: who gets through at each threshold (the whole rule, sentences included). */
    private static void demoShop(StringBuilder out, SentenceEncoder encoder, List<List<String>> pass,
                                 List<List<String>> refuse, List<Query> test, List<float[]> testVectors) {
        List<String> examples = DemoGuardConfig.scopeExamples().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<float[]> oos = new ArrayList<>();
        List<float[]> otherBusiness = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (chatAboutTheAssistant(test.get(i).domain())) continue;
            (test.get(i).domain().equals("oos") ? oos : otherBusiness).add(testVectors.get(i));
        }
        String[] names = {"customer messages, held out (" + pass.get(0).size() + "): **passed**",
                "long customer e-mails (" + pass.get(1).size() + "): **passed**",
                "general-assistant tasks (" + refuse.get(0).size() + "): **refused**",
                "in-scope questions carrying a task (" + refuse.get(1).size() + "): **refused**",
                "CLINC150 out-of-scope queries (" + oos.size() + "): **refused**",
                "CLINC150 queries to other assistants, eight business domains (" + otherBusiness.size() + "): **refused**"};
        var rows = new LinkedHashMap<String, double[]>();
        for (String name : names) rows.put(name, new double[THRESHOLDS.length]);
        for (int t = 0; t < THRESHOLDS.length; t++) {
            var scope = new TopicScope(() -> encoder, examples, THRESHOLDS[t]);
            rows.get(names[0])[t] = share(pass.get(0), text -> scope.match(text).inScope());
            rows.get(names[1])[t] = share(pass.get(1), text -> scope.match(text).inScope());
            rows.get(names[2])[t] = share(refuse.get(0), text -> !scope.match(text).inScope());
            rows.get(names[3])[t] = share(refuse.get(1), text -> !scope.match(text).inScope());
            rows.get(names[4])[t] = share(oos, v -> !scope.match(v).inScope());
            rows.get(names[5])[t] = share(otherBusiness, v -> !scope.match(v).inScope());
        }
        out.append("## The demo shop's examples (").append(examples.size()).append(" of them)\n\n| set |");
        for (double t : THRESHOLDS) out.append(String.format(Locale.ROOT, " %.2f |", t));
        out.append("\n|---|").append("---:|".repeat(THRESHOLDS.length)).append('\n');
        rows.forEach((name, shares) -> {
            out.append("| ").append(name).append(" |");
            for (double share : shares) out.append(String.format(Locale.ROOT, " %.3f |", share));
            out.append('\n');
        });
        out.append('\n');
    }

    /** Each business domain of CLINC150 as the scope, with K examples per intent, at the default threshold. */
    private static void clincDomains(StringBuilder out, SentenceEncoder encoder, JsonNode data,
                                     Map<String, String> domainOf, List<Query> test, List<float[]> testVectors) {
        out.append(String.format(Locale.ROOT, "## CLINC150 domains as the scope (threshold %.2f)%n%n",
                TopicScope.DEFAULT_THRESHOLD));
        out.append("| domain | examples | own queries passed | other domains' refused | out-of-scope refused |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (int k : EXAMPLES_PER_INTENT) {
            Map<String, List<String>> byIntent = new LinkedHashMap<>();
            for (JsonNode q : data.get("train")) {
                List<String> texts = byIntent.computeIfAbsent(q.get(1).asText(), i -> new ArrayList<>());
                if (texts.size() < k) texts.add(q.get(0).asText());
            }
            for (String domain : DOMAINS) {
                List<String> examples = new ArrayList<>();
                byIntent.forEach((intent, texts) -> {
                    if (domain.equals(domainOf.get(intent))) examples.addAll(texts);
                });
                var scope = new TopicScope(() -> encoder, examples, TopicScope.DEFAULT_THRESHOLD);
                int[] own = new int[2];
                int[] other = new int[2];
                int[] oos = new int[2];
                for (int i = 0; i < test.size(); i++) {
                    String d = test.get(i).domain();
                    if (chatAboutTheAssistant(d)) continue;
                    boolean in = scope.match(testVectors.get(i)).inScope();
                    int[] tally = d.equals(domain) ? own : d.equals("oos") ? oos : other;
                    tally[0]++;
                    if (d.equals(domain) == in) tally[1]++;
                }
                out.append(String.format(Locale.ROOT, "| %s | %d (%d per intent) | %.3f | %.3f | %.3f |%n", domain,
                        examples.size(), k, own[1] / (double) own[0], other[1] / (double) other[0],
                        oos[1] / (double) oos[0]));
            }
        }
        out.append('\n');
    }

    private static <T> double share(List<T> items, java.util.function.Predicate<T> right) {
        return items.stream().filter(right).count() / (double) items.size();
    }

    /** CLINC's small talk and meta intents (greetings, "what's your name", "repeat that"): any assistant's chat. */
    private static boolean chatAboutTheAssistant(String domain) {
        return domain.equals("small_talk") || domain.equals("meta");
    }

    private static Map<String, String> domains(JsonNode domains) {
        var domainOf = new LinkedHashMap<String, String>();
        for (var it = domains.properties().iterator(); it.hasNext(); ) {
            var entry = it.next();
            entry.getValue().forEach(intent -> domainOf.put(intent.asText(), entry.getKey()));
        }
        return domainOf;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
