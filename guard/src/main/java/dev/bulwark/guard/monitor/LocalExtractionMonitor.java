package dev.bulwark.guard.monitor;

import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The monitor for one gateway instance ({@code state.backend: memory}): every count lives in this process, the
 * verdict is ready when {@link #observe} returns.
 */
final class LocalExtractionMonitor implements ExtractionMonitor {
    private final MonitorCore core;

    LocalExtractionMonitor(MonitorCore core) {
        this.core = core;
    }

    @Override
    public CompletionStage<MonitorVerdict> observe(Caller caller, String promptText, Instant now) {
        String client = ClientKeys.of(caller.clientId());
        long bucket = core.bucket(now);
        ClientWindow window = core.window(client);
        WindowStats stats = core.recordLocally(window, promptText == null ? null : PromptFeatures.of(promptText), bucket);
        List<Verdicts.Finding> found = core.verdicts().findings(stats);
        for (Verdicts.Finding f : found) {
            if (window.claimAlert(f.condition(), bucket)) {
                core.alert(client, f, now);
            }
        }
        return CompletableFuture.completedFuture(core.verdicts().verdict(found));
    }

    int trackedClients() {
        return core.trackedClients();
    }

    long evictions() {
        return core.evictions();
    }

    @Override
    public void close() {
        core.close();
    }
}
