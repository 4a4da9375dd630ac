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

    /** @param torn a partial last line moved aside on open, to be noted in the next record; or null */
    record Opened(ChainTail tail, TornTail torn) {
    }
}
