package dev.bulwark.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floors on recall and false-positive rate over a small fixture of our own sentences (fixtures.tsv), so a change
 * that breaks the detector fails {@code ./mvnw verify} without the shared data sets. The real numbers come from
 * bench/accuracy-injection.sh.
 */
class InjectionFixtureTest {
    private record Item(boolean injection, String language, String text) {
    }

    private static final List<Item> ITEMS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (var in = InjectionFixtureTest.class.getResourceAsStream("fixtures.tsv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] f = l.split("\t", 3);
                ITEMS.add(new Item(f[0].equals("injection"), f[1], f[2].replace("\\n", "\n")));
            });
        }
        assertThat(ITEMS).hasSizeGreaterThan(60);
    }

    private static double[] rates(InjectionDetector detector) {
        int tp = 0;
        int positives = 0;
        int fp = 0;
        int negatives = 0;
        var misses = new ArrayList<String>();
        for (Item item : ITEMS) {
            InjectionScore s = detector.score(item.text());
            if (item.injection()) {
                positives++;
                if (s.flagged()) tp++;
                else misses.add("missed: " + item.text());
            } else {
                negatives++;
                if (s.flagged()) {
                    fp++;
                    misses.add("false alarm " + s.reasons() + ": " + item.text());
                }
            }
        }
        System.out.println(String.join("\n", misses));
        return new double[] {tp / (double) positives, fp / (double) negatives};
    }

    @Test
    void rulesOnlyFloors() {
        double[] r = rates(InjectionDetector.rulesOnly());
        assertThat(r[0]).as("rules-only recall").isGreaterThanOrEqualTo(0.85);
        assertThat(r[1]).as("rules-only FPR").isLessThanOrEqualTo(0.03);
    }

    @Test
    void combinedFloors() {
        double[] r = rates(InjectionDetector.standard());
        assertThat(r[0]).as("combined recall").isGreaterThanOrEqualTo(0.9);
        // The classifier over-flags short benign prompts with trigger words ("please ignore my last message");
        // docs/accuracy.md reports it. This floor keeps it from getting worse.
        assertThat(r[1]).as("combined FPR").isLessThanOrEqualTo(0.25);
    }
}
