package dev.bulwark.guard.monitor;

import static dev.bulwark.guard.monitor.Traffic.await;
import static dev.bulwark.guard.monitor.Traffic.caller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.ExtractionPolicy.ExtractionAction;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The probing detector on labelled traffic: every probing session must be flagged, no ordinary session may be.
 * Prints the table the report quotes (policy: maxProbeScore 0.5, window 1h, action ALERT).
 */
class ProbingAccuracyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    /** Per session: prompts sent, prompts after which the client was flagged for probing, and the final reason. */
    private record Outcome(int prompts, int flaggedAfter, String condition) {
    }

    private static Outcome run(List<String> prompts) {
        try (ExtractionMonitor m = Monitors.create(Traffic.policy(ExtractionAction.ALERT),
                new StateConfig(StateConfig.Backend.MEMORY, null), List.of(), MonitorSettings.DEFAULTS)) {
            int flagged = 0;
            String reason = "";
            for (int i = 0; i < prompts.size(); i++) {
                String r = await(m, caller("client"), prompts.get(i), T0.plusSeconds(i * 20L)).reason();
                if (r.contains("probing:")) {
                    flagged++;
                }
                reason = r.isEmpty() ? reason : r;
            }
            return new Outcome(prompts.size(), flagged, reason.replaceAll(" in 1h.*?(;|$)", "$1"));
        }
    }

    @Test
    void everyProbingSessionIsFlaggedAndNoOrdinaryOne() {
        Map<String, Outcome> probing = new TreeMap<>();
        Traffic.probing().forEach((name, prompts) -> probing.put(name, run(prompts)));
        Map<String, Outcome> ordinary = new TreeMap<>();
        List<String> prompts = Traffic.ordinary();
        ordinary.put("ordinary, file order", run(prompts));
        Random random = new Random(6);
        for (int i = 1; i <= 4; i++) {
            List<String> shuffled = new ArrayList<>(prompts);
            Collections.shuffle(shuffled, random);
            ordinary.put("ordinary, shuffle " + i, run(shuffled));
        }
        // honest extra row: a prober hiding its enumeration among ordinary prompts 1:1 (not asserted)
        List<String> mixed = new ArrayList<>();
        List<String> enumeration = Traffic.probing().get("enumeration (item 1..60)");
        for (int i = 0; i < 60; i++) {
            mixed.add(prompts.get(i));
            mixed.add(enumeration.get(i));
        }
        Outcome mixedOutcome = run(mixed);

        StringBuilder table = new StringBuilder("| session | prompts | flagged for probing after | final reason |\n");
        probing.forEach((k, o) -> table.append(row("probe: " + k, o)));
        ordinary.forEach((k, o) -> table.append(row(k, o)));
        table.append(row("mixed 1:1 enumeration + ordinary", mixedOutcome));
        System.out.print(table);

        assertThat(probing.values()).allSatisfy(o -> assertThat(o.flaggedAfter()).isPositive());
        assertThat(ordinary.values()).allSatisfy(o -> assertThat(o.flaggedAfter()).isZero());
    }

    private static String row(String name, Outcome o) {
        return "| " + name + " | " + o.prompts() + " | " + o.flaggedAfter() + " | " + o.condition() + " |\n";
    }
}
