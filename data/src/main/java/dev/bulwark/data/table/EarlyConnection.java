package dev.bulwark.data.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One DuckDB connection opened on a second thread while the process is still starting. Loading DuckDB's native
 * library (70 MB) and creating its first database take about 0.2 s, as long as picocli takes to build its model in
 * the interpreter; on two cores the two overlap instead of adding up. The first {@link Tables#connect} takes the
 * early connection, later ones open their own. An early open that failed is forgotten: the caller's own open then
 * fails with the same error and reports it.
 */
final class EarlyConnection {
    private static final AtomicReference<CompletableFuture<Connection>> PENDING = new AtomicReference<>();

    private EarlyConnection() {
    }

    static void start() {
        var future = new CompletableFuture<Connection>();
        if (!PENDING.compareAndSet(null, future)) return;
        // a daemon: a command that never opens a table exits without waiting for it
        Thread.ofPlatform().daemon().name("duckdb-early-open").start(() -> {
            try {
                future.complete(Tables.openConnection());
            } catch (SQLException | RuntimeException | LinkageError e) {
                future.completeExceptionally(e);
            }
        });
    }

    /** The early connection, once: empty when none was started or its open failed. */
    static Optional<Connection> take() {
        CompletableFuture<Connection> future = PENDING.getAndSet(null);
        if (future == null) return Optional.empty();
        try {
            return Optional.of(future.join());
        } catch (CompletionException | CancellationException e) {
            return Optional.empty();
        }
    }
}
