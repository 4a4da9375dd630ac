package dev.bulwark.core.engine;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.scope.Scope;
import java.util.function.BooleanSupplier;

/** What the runner hands a check: the scope, the guarded client, the stop flag and a progress line. */
final class RunContext implements CheckContext {
    private final Scope scope;
    private final EngagementClient client;
    private final BooleanSupplier stopRequested;
    private final ProgressListener progress;

    RunContext(Scope scope, EngagementClient client, BooleanSupplier stopRequested, ProgressListener progress) {
        this.scope = scope;
        this.client = client;
        this.stopRequested = stopRequested;
        this.progress = progress;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public EngagementClient http() {
        return client;
    }

    /** Also true when the budget is spent or the time window closed: no further request could go out. */
    @Override
    public boolean stopRequested() {
        return stopRequested.getAsBoolean() || client.halted().isPresent();
    }

    @Override
    public void progress(String message) {
        try {
            progress.detail(message);
        } catch (RuntimeException ignored) {
            // drawing progress must never break a check
        }
    }
}
