package dev.bulwark.guard.monitor;

import static dev.bulwark.guard.monitor.Traffic.await;
import static dev.bulwark.guard.monitor.Traffic.caller;
import static dev.bulwark.guard.monitor.Traffic.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.AlertsConfig;
import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.config.ExtractionPolicy.ExtractionAction;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.ExtractionMonitor.Level;
import dev.bulwark.guard.pipeline.ExtractionMonitor.MonitorVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalExtractionMonitorTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final StateConfig MEMORY = new StateConfig(StateConfig.Backend.MEMORY, null);

    private final Traffic.RecordingSink sink = new Traffic.RecordingSink();

    private ExtractionMonitor monitor(ExtractionPolicy policy) {
        return Monitors.create(policy, MEMORY, List.of(sink), MonitorSettings.DEFAULTS);
    }

    @Test
    void volumeOverTheLimitGetsThePolicysAction() {
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(10), 50, 0.0, 20, 1.0, ExtractionAction.BLOCK);
        try (ExtractionMonitor m = monitor(p)) {
            List<String> prompts = Traffic.ordinary();
            List<MonitorVerdict> verdicts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                verdicts.add(await(m, caller("app"), prompts.get(i), T0.plusSeconds(i)));
            }
            assertThat(verdicts.subList(0, 50)).allMatch(v -> v.level() == Level.NONE);
            assertThat(verdicts.subList(50, 60)).allMatch(v -> v.level() == Level.BLOCK);
            assertThat(verdicts.get(50).reason()).isEqualTo("volume: 51 requests > 50 in 10m");
        }
    }

    @Test
    void throttleDelayGrowsWithHowFarOverAndIsCapped() {
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(10), 10, 0.0, 20, 1.0, ExtractionAction.THROTTLE);
        try (ExtractionMonitor m = monitor(p)) {
            List<Long> delays = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                MonitorVerdict v = await(m, caller("app"), null, T0.plusSeconds(i));
                if (v.level() == Level.THROTTLE) {
                    delays.add(v.delayMillis());
                }
            }
            assertThat(delays).hasSize(30).isSorted();
            assertThat(delays.get(0)).isGreaterThanOrEqualTo(Verdicts.MIN_DELAY_MILLIS).isLessThan(1_000);
            assertThat(delays.get(delays.size() - 1)).isEqualTo(Verdicts.MAX_DELAY_MILLIS);
        }
    }

    @Test
    void aScriptRepeatingFivePromptsIsLowDiversity() {
        List<String> script = List.of("Generate a product description for SKU", "List all features",
                "Summarize the above", "Rate this answer from one to ten", "Continue where you stopped please");
        try (ExtractionMonitor m = monitor(policy(ExtractionAction.ALERT))) {
            MonitorVerdict last = null;
            for (int i = 0; i < 40; i++) {
                last = await(m, caller("bot"), script.get(i % 5), T0.plusSeconds(i));
            }
            assertThat(last.level()).isEqualTo(Level.ALERT);
            assertThat(last.reason()).startsWith("low-diversity: distinct-prompt ratio 0.13 < 0.30 in 1h")
                    .contains("5 distinct of 40").doesNotContain("probing");
            assertThat(sink.conditions()).containsExactly(Condition.LOW_DIVERSITY);
        }
    }

    @Test
    void enumerationAndTemplateSlotProbingScoreHigh() {
        for (Map.Entry<String, List<String>> session : Traffic.probing().entrySet()) {
            try (ExtractionMonitor m = monitor(policy(ExtractionAction.BLOCK))) {
                MonitorVerdict last = null;
                for (String prompt : session.getValue()) {
                    last = await(m, caller("prober"), prompt, T0);
                }
                assertThat(last.level()).as(session.getKey()).isEqualTo(Level.BLOCK);
                assertThat(last.reason()).as(session.getKey()).containsPattern("probing: probe score (0\\.9\\d|1\\.00) > 0\\.50");
                for (String prompt : session.getValue()) {
                    assertThat(last.reason()).doesNotContain(prompt);
                }
            }
        }
    }

    @Test
    void twoHundredOrdinaryBusinessPromptsPassUntouched() {
        try (ExtractionMonitor m = monitor(policy(ExtractionAction.BLOCK))) {
            List<String> prompts = Traffic.ordinary();
            assertThat(prompts).hasSize(200).doesNotHaveDuplicates();
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(await(m, caller("office"), prompts.get(i), T0.plusSeconds(i * 10L)))
                        .as(prompts.get(i)).isEqualTo(MonitorVerdict.NONE);
            }
            assertThat(sink.alerts).isEmpty();
        }
    }

    @Test
    void alertsFireOncePerClientPerConditionPerWindow() {
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(10), 5, 0.0, 20, 1.0, ExtractionAction.ALERT);
        try (ExtractionMonitor m = monitor(p)) {
            for (int i = 0; i < 50; i++) {
                await(m, caller("a"), null, T0.plusSeconds(i));
                await(m, caller("b"), null, T0.plusSeconds(i));
            }
            assertThat(sink.alerts).hasSize(2);
            assertThat(sink.alerts).extracting(ExtractionAlert::client).containsExactlyInAnyOrder("a", "b");
            ExtractionAlert a = sink.alerts.get(0);
            assertThat(a.condition()).isEqualTo(Condition.VOLUME);
            assertThat(a.value()).isEqualTo(6);
            assertThat(a.threshold()).isEqualTo(5);
            // a full window later, still busy: one more alert each
            for (int i = 0; i < 10; i++) {
                await(m, caller("a"), null, T0.plus(Duration.ofMinutes(11)).plusSeconds(i));
            }
            assertThat(sink.alerts).hasSize(3);
        }
    }

    @Test
    void theWindowSlides() {
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(1), 10, 0.0, 20, 1.0, ExtractionAction.BLOCK);
        try (ExtractionMonitor m = monitor(p)) {
            for (int i = 0; i < 10; i++) {
                assertThat(await(m, caller("c"), null, T0.plusSeconds(i)).level()).isEqualTo(Level.NONE);
            }
            assertThat(await(m, caller("c"), null, T0.plusSeconds(30)).level()).isEqualTo(Level.BLOCK);
            // 61 s later the first ten have left the window; the one at +30 s has not
            assertThat(await(m, caller("c"), null, T0.plusSeconds(71)).level()).isEqualTo(Level.NONE);
        }
    }

    @Test
    void aDisabledPolicySaysNoneAlways() {
        ExtractionPolicy off = new ExtractionPolicy(false, Duration.ofMinutes(1), 1, 1.0, 1, 0.0, ExtractionAction.BLOCK);
        try (ExtractionMonitor m = Monitors.from(off, MEMORY, new AlertsConfig(null))) {
            for (int i = 0; i < 20; i++) {
                assertThat(await(m, caller("x"), "What is the price of item " + i, T0)).isEqualTo(MonitorVerdict.NONE);
            }
        }
    }

    @Test
    void oddClientIdsAreHashedBeforeTheyReachAlerts() {
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(1), 1, 0.0, 20, 1.0, ExtractionAction.ALERT);
        try (ExtractionMonitor m = monitor(p)) {
            Caller odd = caller("evil\nFAKE LOG LINE " + "x".repeat(500));
            await(m, odd, null, T0);
            await(m, odd, null, T0);
            assertThat(sink.alerts).singleElement()
                    .satisfies(a -> assertThat(a.client()).matches("~[0-9a-f]{24}"));
        }
    }

    @Test
    void badPoliciesAreRejectedWithTheField() {
        ExtractionPolicy bad = new ExtractionPolicy(true, Duration.ZERO, 10, 0.5, 20, 0.5, ExtractionAction.ALERT);
        assertThatThrownBy(() -> Monitors.from(bad, MEMORY, new AlertsConfig(null)))
                .hasMessage("policies.extraction.window must be positive");
    }

    @Test
    void memoryStaysBoundedWithAHundredThousandClients() {
        MonitorSettings settings = new MonitorSettings(10_000, 60, 128, 32);
        Runtime rt = Runtime.getRuntime();
        try (ExtractionMonitor m = Monitors.create(policy(ExtractionAction.ALERT), MEMORY, List.of(sink), settings)) {
            LocalExtractionMonitor local = (LocalExtractionMonitor) m;
            for (int i = 0; i < 100_000; i++) {
                for (int r = 0; r < 3; r++) {
                    await(m, caller("client-" + i), "Please summarise ticket " + i + " about the refund, part " + r,
                            T0.plusMillis(i));
                }
            }
            assertThat(local.trackedClients()).isEqualTo(10_000);
            assertThat(local.evictions()).isEqualTo(90_000);
            System.gc();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf("100k clients: tracked %d, evicted %d, heap in use after GC %d MB%n",
                    local.trackedClients(), local.evictions(), used >> 20);
        }
    }
}
