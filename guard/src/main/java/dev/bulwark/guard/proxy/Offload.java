package dev.bulwark.guard.proxy;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Runs a piece of request work where it costs least: small, deterministic work (a kilobyte through the rules, a
 * JSON rewrite) right on the event loop, since handing it to a worker and back costs two thread hops and, on a busy
 * machine, two waits for a core; anything that may take long (the learned model, large bodies) on the worker pool,
 * never on the event loop. Failures come back as a failed future either way.
 */
final class Offload {
    /** Request and reply bodies up to this size are translated by the adapters on the event loop. */
    static final long CHEAP_JSON_BYTES = 64 * 1024;

    private final WorkerExecutor workers;

    Offload(WorkerExecutor workers) {
        this.workers = workers;
    }

    <T> Future<T> run(boolean cheap, Callable<T> work) {
        if (!cheap) return workers.executeBlocking(work, false);
        try {
            return Future.succeededFuture(work.call());
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
    }
}
