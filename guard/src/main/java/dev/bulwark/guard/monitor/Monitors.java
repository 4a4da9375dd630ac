package dev.bulwark.guard.monitor;

import dev.bulwark.guard.config.AlertsConfig;
import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds the {@link ExtractionMonitor} that {@code guard.yaml} asks for: none when the policy is disabled, the
 * in-process one for {@code state.backend: memory}, the Redis-shared one for {@code redis}; alerts always to the log,
 * and to {@code alerts.webhook} when set.
 */
public final class Monitors {
    /** How long a Redis round trip may take before this instance judges on its own counts. */
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(250);
    /** Longest start-up waits for the first Redis connection (a little over its connect timeout). */
    private static final Duration FIRST_CONNECTION_WAIT = Duration.ofSeconds(4);

    private Monitors() {
    }

    public static ExtractionMonitor from(ExtractionPolicy policy, StateConfig state, AlertsConfig alerts) {
        return from(policy, state, alerts, MonitorSettings.DEFAULTS);
    }

    public static ExtractionMonitor from(ExtractionPolicy policy, StateConfig state, AlertsConfig alerts,
                                         MonitorSettings settings) {
        if (policy == null || !policy.enabled()) {
            return Disabled.INSTANCE;
        }
        List<AlertSink> sinks = new ArrayList<>();
        sinks.add(new LogAlertSink());
        if (alerts != null && alerts.webhook() != null) {
            sinks.add(WebhookAlertSink.to(alerts.webhook()));
        }
        return create(policy, state, sinks, settings);
    }

    /** With the given sinks instead of the configured ones (tests, or a caller adding its own). */
    static ExtractionMonitor create(ExtractionPolicy policy, StateConfig state, List<AlertSink> sinks,
                                    MonitorSettings settings) {
        validate(policy);
        Objects.requireNonNull(settings, "settings");
        MonitorCore core = new MonitorCore(policy, settings, new AlertSinks(sinks));
        if (state != null && state.backend() == StateConfig.Backend.REDIS) {
            if (state.redisUrl() == null) {
                throw new IllegalArgumentException("state.redis.url is required with state.backend: redis");
            }
            var shared = new SharedExtractionMonitor(core, new RedisWindowCounters(state.redisUrl(), REDIS_TIMEOUT));
            awaitFirstConnection(shared);
            return shared;
        }
        return new LocalExtractionMonitor(core);
    }

    /**
     * Waits (bounded) for the first connection attempt, so the first requests count in Redis rather than falling back
     * to this instance's counts because the connection was still being set up. Either outcome is fine: unreachable
     * Redis means local counting, by design.
     */
    private static void awaitFirstConnection(SharedExtractionMonitor monitor) {
        try {
            monitor.ready().toCompletableFuture().get(FIRST_CONNECTION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still connecting: requests fall back to local counts until it is up
        }
    }

    private static void validate(ExtractionPolicy p) {
        check(p.window() != null && !p.window().isNegative() && !p.window().isZero(), "window must be positive");
        check(p.maxRequests() >= 1, "maxRequests must be at least 1");
        check(p.minDistinctRatio() >= 0 && p.minDistinctRatio() <= 1, "minDistinctRatio must be in 0..1");
        check(p.minSample() >= 1, "minSample must be at least 1");
        check(p.maxProbeScore() >= 0 && p.maxProbeScore() <= 1, "maxProbeScore must be in 0..1");
        check(p.action() != null, "action is required");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("policies.extraction." + message);
        }
    }

    /** The monitor of a disabled policy: every request is NONE, nothing is counted. */
    private enum Disabled implements ExtractionMonitor {
        INSTANCE;

        private static final CompletionStage<MonitorVerdict> NONE = CompletableFuture.completedStage(MonitorVerdict.NONE);

        @Override
        public CompletionStage<MonitorVerdict> observe(dev.bulwark.guard.pipeline.Caller caller, String promptText,
                                                       java.time.Instant now) {
            return NONE;
        }

        @Override
        public void close() {
        }
    }
}
