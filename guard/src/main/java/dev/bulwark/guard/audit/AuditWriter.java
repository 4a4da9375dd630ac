package dev.bulwark.guard.audit;

import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The queue and the one writer thread behind both sinks. {@link #append} only offers to a bounded queue and never
 * waits: when the queue is full the event is dropped and counted, and the writer puts a {@code gap} record with the
 * count into the chain before its next batch, so a loss is itself on the record. The writer drains the queue in
 * batches, stores each batch at once (a flush), writes a signed checkpoint every {@code checkpointEvery} records and
 * syncs (fsync) after it; {@link #close} drains what is queued, writes a final checkpoint, syncs and waits.
 * A failing store is retried with back-off (the batch is all-or-none); events keep queueing, then dropping, meanwhile.
 * A store that is full (a JSONL file at its rotation size) gets a checkpoint to end the file, is rotated, and the
 * new file starts with a checkpoint too, so that every file verifies on its own.
 */
final class AuditWriter implements AuditSink {
    static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    static final int MAX_BATCH = 512;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    /** After a failed rotation, how long the file may go on growing before the next try. */
    private static final Duration ROTATE_RETRY = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(AuditWriter.class.getName());

    private final RecordStore store;
    private final Consumer<ChainLine> synced;
    private final Chain chain;
    private final int checkpointEvery;
    private final BlockingQueue<AuditEvent> queue;
    private final AtomicLong droppedSinceGap = new AtomicLong();
    private final AtomicLong droppedTotal = new AtomicLong();
    private final AtomicReference<Instant> firstDrop = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean abandon;
    private TornTail torn;
    private boolean startFile;
    private Instant nextRotation = Instant.MIN;

    /** Opens {@code store} (blocking: call at start-up, not on an event loop) and starts the writer thread. */
    AuditWriter(RecordStore store, String instance, AuditKeys keys, int checkpointEvery, int queueCapacity) {
        this(store, instance, keys, checkpointEvery, queueCapacity, line -> { });
    }

    /** @param synced told the records of each synced batch once durable (every checkpoint is in one): anchors */
    AuditWriter(RecordStore store, String instance, AuditKeys keys, int checkpointEvery, int queueCapacity,
                Consumer<ChainLine> synced) {
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be at least 1");
        RecordStore.Opened opened = store.open(instance, keys.publicKey());
        this.store = store;
        this.synced = synced;
        this.chain = new Chain(instance, keys, opened.tail());
        this.torn = opened.torn();
        this.startFile = opened.newFile();
        this.checkpointEvery = checkpointEvery;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "bulwark-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void append(AuditEvent event) {
        if (closing || !queue.offer(event)) countDrop();
    }

    private void countDrop() {
        firstDrop.compareAndSet(null, Instant.now());
        droppedSinceGap.incrementAndGet();
        droppedTotal.incrementAndGet();
    }

    /** Events dropped since start because the queue was full or the sink closed (each run is in a gap record). */
    long dropped() {
        return droppedTotal.get();
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            abandon = true; // the store keeps failing: stop retrying so the process can exit
            LOG.log(System.Logger.Level.ERROR, "audit: " + store.describe() + " did not take the last records within "
                    + CLOSE_WAIT.toSeconds() + "s; they are lost (no final checkpoint)");
            try {
                thread.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.close();
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(MAX_BATCH);
        List<ChainLine> out = new ArrayList<>(MAX_BATCH + 8);
        try {
            while (!abandon) {
                boolean last = closing; // read before draining: what was queued before close is written
                AuditEvent first = last ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                // before the batch: a file at its size, or from another day, takes no more records (checked every
                // poll, so an idle log rotates too)
                if (store.full()) rotate();
                boolean sync = false;
                if (startFile) {
                    out.add(chain.checkpoint(Instant.now(), false));
                    startFile = false;
                    sync = true;
                }
                if (torn != null) {
                    out.add(chain.torn(torn, Instant.now()));
                    torn = null;
                }
                addGap(out);
                for (AuditEvent e : batch) {
                    ChainLine line = record(e);
                    if (line == null) continue;
                    out.add(line);
                    if (chain.sinceCheckpoint() >= checkpointEvery) {
                        out.add(chain.checkpoint(Instant.now(), false));
                        sync = true;
                    }
                }
                boolean done = last && first == null;
                if (done) {
                    addGap(out);
                    out.add(chain.checkpoint(Instant.now(), true));
                    sync = true;
                }
                if (!out.isEmpty()) store(out, sync);
                batch.clear();
                out.clear();
                if (done) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "audit writer stopped: " + e);
        }
    }

    /** Ends the file with a checkpoint, moves on to a new one and starts it with a checkpoint. */
    private void rotate() throws InterruptedException {
        Instant now = Instant.now();
        if (now.isBefore(nextRotation)) return;
        store(List.of(chain.checkpoint(now, false)), true);
        try {
            store.rotate();
        } catch (Exception e) {
            nextRotation = now.plus(ROTATE_RETRY);
            LOG.log(System.Logger.Level.WARNING, "audit: cannot rotate " + store.describe() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the file goes on growing, next try in "
                    + ROTATE_RETRY.toSeconds() + " s");
            return;
        }
        store(List.of(chain.checkpoint(Instant.now(), false)), true);
    }

    /** The event's record, or null (counted as dropped, so the next gap record shows it) if it cannot be written. */
    private ChainLine record(AuditEvent event) {
        try {
            return chain.event(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "audit: an event could not be serialised (" + e.getClass().getSimpleName()
                    + "); recorded as a gap");
            countDrop();
            return null;
        }
    }

    private void addGap(List<ChainLine> out) {
        long dropped = droppedSinceGap.getAndSet(0);
        if (dropped > 0) {
            Instant since = firstDrop.getAndSet(null);
            out.add(chain.gap(dropped, since == null ? Instant.now() : since, Instant.now()));
        }
    }

    /** Stores the batch, retrying with back-off until it is taken (or the sink gives up on close). */
    private void store(List<ChainLine> lines, boolean sync) throws InterruptedException {
        retry(() -> store.write(lines));
        if (!sync) return;
        retry(store::sync); // separately: a failed sync must not write the batch twice
        for (ChainLine line : lines) {
            try {
                synced.accept(line);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "audit: after a sync: " + e.getClass().getSimpleName());
            }
        }
    }

    private interface StoreAction {
        void run() throws Exception;
    }

    private void retry(StoreAction action) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                action.run();
                return;
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "audit: cannot write to " + store.describe() + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); retrying");
                if (abandon) return;
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
