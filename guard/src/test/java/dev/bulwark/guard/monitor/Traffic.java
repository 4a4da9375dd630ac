package dev.bulwark.guard.monitor;

import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.config.ExtractionPolicy.ExtractionAction;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.ExtractionMonitor.MonitorVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** Test traffic: ordinary business prompts, probing sessions, and a recording alert sink. */
final class Traffic {
    static final Duration WINDOW = Duration.ofHours(1);

    private Traffic() {
    }

    static ExtractionPolicy policy(ExtractionAction action) {
        return new ExtractionPolicy(true, WINDOW, 1000, 0.3, 20, 0.5, action);
    }

    static Caller caller(String id) {
        return new Caller(id, Set.of("chat"), "127.0.0.1", "key", Limits.NONE);
    }

    static MonitorVerdict await(ExtractionMonitor monitor, Caller caller, String prompt, java.time.Instant at) {
        return monitor.observe(caller, prompt, at).toCompletableFuture().join();
    }

    static List<String> ordinary() {
        try (InputStream in = Traffic.class.getResourceAsStream("ordinary-prompts.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Probing sessions as an extraction tool or a boundary prober would send them, by name. */
    static Map<String, List<String>> probing() {
        List<String> countries = List.of("France", "Spain", "Italy", "Germany", "Portugal", "Austria", "Poland",
                "Greece", "Norway", "Sweden", "Finland", "Denmark", "Ireland", "Belgium", "Hungary", "Romania",
                "Bulgaria", "Croatia", "Serbia", "Slovakia", "Slovenia", "Estonia", "Latvia", "Lithuania", "Iceland",
                "Malta", "Cyprus", "Albania", "Moldova", "Ukraine");
        List<String> adjectives = List.of("great", "terrible", "okay", "bland", "amazing", "awful", "decent", "superb",
                "mediocre", "fine", "horrible", "wonderful", "average", "disappointing", "excellent", "poor", "good",
                "bad", "lovely", "dreadful", "tasty", "stale", "fresh", "cold", "perfect", "salty", "sweet", "bitter",
                "spicy", "greasy");
        List<String> words = List.of("apple", "house", "river", "window", "garden", "bread", "chair", "mountain",
                "letter", "doctor", "street", "winter", "money", "friend", "city", "music", "cloud", "market", "forest",
                "teacher", "table", "train", "island", "summer", "flower", "paper", "bridge", "horse", "coffee",
                "engine");
        return Map.of(
                "enumeration (item 1..60)", IntStream.rangeClosed(1, 60)
                        .mapToObj(i -> "What is the price of item " + i).toList(),
                "loan boundary (age x income grid)", IntStream.range(0, 60)
                        .mapToObj(i -> "Would a customer aged " + (20 + i % 12) + " with a yearly income of "
                                + (30_000 + (i / 12) * 5_000) + " dollars be approved for a loan?").toList(),
                "template slot (capital of X)", countries.stream()
                        .map(c -> "What is the capital city of " + c + "?").toList(),
                "classifier boundary (sentiment of review)", adjectives.stream()
                        .map(a -> "Classify the sentiment of this review as positive or negative: The soup was "
                                + a + " and the service was quick.").toList(),
                "translation slot (word into French)", words.stream()
                        .map(w -> "Translate the word '" + w + "' into French and give one example sentence.").toList(),
                "two-slot probing (product x region)", IntStream.range(0, 40)
                        .mapToObj(i -> "Is the " + List.of("basic", "standard", "premium", "enterprise").get(i % 4)
                                + " plan available to customers in " + countries.get(i / 4) + " this year?").toList());
    }

    /** Records every alert, in order. */
    static final class RecordingSink implements AlertSink {
        final List<ExtractionAlert> alerts = new CopyOnWriteArrayList<>();

        @Override
        public void accept(ExtractionAlert alert) {
            alerts.add(alert);
        }

        List<Condition> conditions() {
            List<Condition> out = new ArrayList<>();
            alerts.forEach(a -> out.add(a.condition()));
            return out;
        }
    }
}
