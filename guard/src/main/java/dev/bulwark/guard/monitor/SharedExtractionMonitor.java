package dev.bulwark.guard.monitor;

import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The monitor for several gateway instances ({@code state.backend: redis}). Request volume and the distinct-prompt
 * count come from Redis, so a client spreading its traffic over the instances is judged on its total; alerts are
 * de-duplicated across instances through Redis as well. The boundary-probing ring stays per instance (it holds the
 * recent prompts' token hashes, too much to ship per request): a prober whose traffic is spread round-robin over
 * {@code k} instances is still seen by each, on every k-th prompt.
 *
 * <p>Monitoring is detective, not a gate: when Redis is unreachable or slow, this instance keeps judging on its own
 * counts (always kept, so the switch is seamless) and logs one warning, rather than failing requests.
 * {@link #observe} never blocks: the verdict completes on Lettuce's I/O thread once Redis answers or times out.
 */
final class SharedExtractionMonitor implements ExtractionMonitor {
    private final MonitorCore core;
    private final RedisWindowCounters redis;
    private final long ttlMillis;

    SharedExtractionMonitor(MonitorCore core, RedisWindowCounters redis) {
        this.core = core;
        this.redis = redis;
        this.ttlMillis = core.policy().window().toMillis() + 2 * core.bucketMillis();
    }

    @Override
    public CompletionStage<MonitorVerdict> observe(Caller caller, String promptText, Instant now) {
        String client = ClientKeys.of(caller.clientId());
        long bucket = core.bucket(now);
        ClientWindow window = core.window(client);
        PromptFeatures prompt = promptText == null ? null : PromptFeatures.of(promptText);
        WindowStats local = core.recordLocally(window, prompt, bucket);
        return redis.count(client, bucket, core.settings().buckets(), ttlMillis, prompt == null ? null : prompt.templateHash())
                .handle((shared, error) -> error == null ? local.withCounts(shared[0], shared[1], shared[2]) : local)
                .thenCompose(stats -> decide(client, window, stats, bucket, now));
    }

    private CompletionStage<MonitorVerdict> decide(String client, ClientWindow window, WindowStats stats, long bucket,
                                                   Instant now) {
        List<Verdicts.Finding> found = core.verdicts().findings(stats);
        List<CompletableFuture<?>> alerts = new ArrayList<>(found.size());
        for (Verdicts.Finding f : found) {
            if (!window.claimAlert(f.condition(), bucket)) {
                continue;
            }
            alerts.add(redis.claimAlert(client, f.condition(), core.policy().window().toMillis())
                    .handle((first, error) -> error != null || first) // Redis down: this instance alerts itself
                    .thenAccept(first -> {
                        if (first) {
                            core.alert(client, f, now);
                        }
                    })
                    .toCompletableFuture());
        }
        MonitorVerdict verdict = core.verdicts().verdict(found);
        return alerts.isEmpty() ? CompletableFuture.completedFuture(verdict)
                : CompletableFuture.allOf(alerts.toArray(CompletableFuture[]::new)).thenApply(v -> verdict);
    }

    /** Completes once the first connection attempt to Redis has ended, either way. */
    CompletionStage<Void> ready() {
        return redis.ready();
    }

    boolean redisHealthy() {
        return redis.healthy();
    }

    @Override
    public void close() {
        try {
            redis.close();
        } finally {
            core.close();
        }
    }
}
