package dev.bulwark.guard.audit;

import java.security.PublicKey;
import java.util.List;

/**
 * Where sealed records go: a JSONL file or a PostgreSQL table. Used by the writer thread only. Call order:
 * {@link #open} once, then {@link #write} and {@link #sync} any number of times, then {@link #close}.
 */
sealed interface RecordStore extends AutoCloseable permits JsonlStore, PostgresStore {

    /**
     * Opens the store for {@code instance} and returns where its chain stands, after checking the records since its
     * last checkpoint with {@code key} (a tail that does not verify stops the writer: {@link AuditStoreException}).
     */
    Opened open(String instance, PublicKey key);

    /** Stores {@code lines} in order, all or none: on failure nothing of them stays, so the batch can be retried. */
    void write(List<ChainLine> lines) throws Exception;

    /** Makes what was written durable (fsync, or a commit already made). */
    void sync() throws Exception;

    @Override
    void close();

    /** Names the store in messages, without secrets. */
    String describe();

    /** True when the store has reached its size and wants {@link #rotate} (a JSONL file with rotation on). */
    default boolean full() {
        return false;
    }

    /** Moves on to a new file; the chain continues there. Called only when {@link #full}, after a synced checkpoint. */
    default void rotate() throws Exception {
        throw new UnsupportedOperationException(describe() + " does not rotate");
    }

    /**
     * @param torn    a partial last line moved aside on open, to be noted in the next record; or null
     * @param newFile the chain continues from an earlier, rotated file into an empty one: its first record must be
     *                a signed checkpoint, so that the file verifies on its own
     */
    record Opened(ChainTail tail, TornTail torn, boolean newFile) {
    }
}
