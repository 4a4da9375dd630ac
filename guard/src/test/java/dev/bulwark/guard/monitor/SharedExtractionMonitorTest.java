package dev.bulwark.guard.monitor;

import static dev.bulwark.guard.monitor.Traffic.await;
import static dev.bulwark.guard.monitor.Traffic.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.config.ExtractionPolicy.ExtractionAction;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.ExtractionMonitor.Level;
import dev.bulwark.guard.pipeline.ExtractionMonitor.MonitorVerdict;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one Redis. Runs against a real Redis when {@code BULWARK_TEST_REDIS_URL} is set
 * (e.g. {@code redis://127.0.0.1:6390}); the fallback test needs none.
 */
class SharedExtractionMonitorTest {
    private static final String REDIS = System.getenv("BULWARK_TEST_REDIS_URL");
    private final Instant now = Instant.now();

    private static ExtractionMonitor instance(ExtractionPolicy p, URI redis, AlertSink sink) {
        ExtractionMonitor m = Monitors.create(p, new StateConfig(StateConfig.Backend.REDIS, redis), List.of(sink),
                MonitorSettings.DEFAULTS);
        ((SharedExtractionMonitor) m).ready().toCompletableFuture().join();
        return m;
    }

    @Test
    void twoInstancesSeeTheClientsCombinedVolumeAndAlertOnce() {
        assumeTrue(REDIS != null && !REDIS.isBlank(), "set BULWARK_TEST_REDIS_URL to run against Redis");
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(10), 10, 0.0, 20, 1.0, ExtractionAction.BLOCK);
        String client = "shared-" + UUID.randomUUID(); // fresh keys per run
        Traffic.RecordingSink alerts = new Traffic.RecordingSink();
        List<String> prompts = Traffic.ordinary();
        try (ExtractionMonitor a = instance(p, URI.create(REDIS), alerts);
             ExtractionMonitor b = instance(p, URI.create(REDIS), alerts)) {
            for (int i = 0; i < 10; i++) { // 5 each: 10 in all, at the limit
                MonitorVerdict v = await(i % 2 == 0 ? a : b, caller(client), prompts.get(i), now);
                assertThat(v.level()).isEqualTo(Level.NONE);
            }
            MonitorVerdict eleventh = await(a, caller(client), prompts.get(10), now);
            assertThat(eleventh.level()).isEqualTo(Level.BLOCK);
            assertThat(eleventh.reason()).isEqualTo("volume: 11 requests > 10 in 10m");
            assertThat(await(b, caller(client), prompts.get(11), now).reason()).startsWith("volume: 12 requests");
            assertThat(((SharedExtractionMonitor) a).redisHealthy()).isTrue();
            assertThat(alerts.conditions()).containsExactly(Condition.VOLUME); // one alert across both instances
        }
    }

    @Test
    void distinctPromptsAreCountedAcrossInstances() {
        assumeTrue(REDIS != null && !REDIS.isBlank(), "set BULWARK_TEST_REDIS_URL to run against Redis");
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(10), 1000, 0.5, 20, 1.0, ExtractionAction.ALERT);
        String client = "script-" + UUID.randomUUID();
        Traffic.RecordingSink alerts = new Traffic.RecordingSink();
        try (ExtractionMonitor a = instance(p, URI.create(REDIS), alerts);
             ExtractionMonitor b = instance(p, URI.create(REDIS), alerts)) {
            MonitorVerdict last = null;
            for (int i = 0; i < 24; i++) { // instance a only ever sees prompt 0 and 2, b prompt 1 and 3
                last = await(i % 2 == 0 ? a : b, caller(client), "Scripted request variant " + "abcd".charAt(i % 4), now);
            }
            assertThat(last.level()).isEqualTo(Level.ALERT);
            assertThat(last.reason()).contains("(~4 distinct of 24)");
        }
    }

    @Test
    void unreachableRedisFallsBackToLocalCounting() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofMinutes(10), 3, 0.0, 20, 1.0, ExtractionAction.BLOCK);
        Traffic.RecordingSink alerts = new Traffic.RecordingSink();
        try (ExtractionMonitor m = instance(p, URI.create("redis://127.0.0.1:" + closedPort), alerts)) {
            for (int i = 0; i < 3; i++) {
                assertThat(await(m, caller("c"), null, now).level()).isEqualTo(Level.NONE);
            }
            assertThat(await(m, caller("c"), null, now).level()).isEqualTo(Level.BLOCK);
            assertThat(((SharedExtractionMonitor) m).redisHealthy()).isFalse();
            assertThat(alerts.conditions()).containsExactly(Condition.VOLUME);
        }
    }
}
