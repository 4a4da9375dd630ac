package dev.bulwark.guard.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.AuditEvent;
import java.time.Instant;

/**
 * One instance's hash chain: hands out seq numbers, links each record to the hash of the one before and signs
 * checkpoints. Not thread-safe: only the writer thread uses it.
 */
final class Chain {
    private final String instance;
    private final AuditKeys keys;
    private long seq;
    private String prev;
    private long sinceCheckpoint;

    Chain(String instance, AuditKeys keys, ChainTail tail) {
        this.instance = instance;
        this.keys = keys;
        this.seq = tail.seq();
        this.prev = tail.hash();
        this.sinceCheckpoint = tail.sinceCheckpoint();
    }

    ChainLine event(AuditEvent event) {
        ObjectNode n = RecordFormat.event(head(RecordFormat.Type.EVENT), event);
        byte[] body = RecordFormat.canonical(n);
        if (body.length > RecordFormat.MAX_RECORD_BYTES) {
            n.put("input", "[omitted: record too large]").put("output", "[omitted: record too large]");
            body = RecordFormat.canonical(n);
        }
        return seal(RecordFormat.Type.EVENT, body);
    }

    /** Records that {@code dropped} events were lost (queue full) between {@code since} and now. */
    ChainLine gap(long dropped, Instant since, Instant now) {
        ObjectNode n = head(RecordFormat.Type.GAP).put("at", now.toString()).put("dropped", dropped)
                .put("since", since.toString()).put("reason", "audit queue full");
        return seal(RecordFormat.Type.GAP, RecordFormat.canonical(n));
    }

    /** Records that a torn last line (a write cut short by a crash) was moved out of the log into {@code file}. */
    ChainLine torn(TornTail torn, Instant now) {
        ObjectNode n = head(RecordFormat.Type.TORN).put("at", now.toString()).put("file", torn.file())
                .put("bytes", torn.bytes()).put("sha256", torn.sha256());
        return seal(RecordFormat.Type.TORN, RecordFormat.canonical(n));
    }

    /**
     * A signed checkpoint covering every record before it: {@code covers} is the hash of the previous record
     * (equal to {@code prev}, named for readers), {@code count} how many records of this chain it covers.
     */
    ChainLine checkpoint(Instant now, boolean closing) {
        ObjectNode n = head(RecordFormat.Type.CHECKPOINT).put("at", now.toString()).put("covers", prev)
                .put("count", seq).put("keyId", keys.keyId()).put("final", closing);
        byte[] unsigned = RecordFormat.canonical(n);
        ChainLine line = seal(RecordFormat.Type.CHECKPOINT, RecordFormat.withSignature(unsigned, keys.sign(unsigned)));
        sinceCheckpoint = 0;
        return line;
    }

    long sinceCheckpoint() {
        return sinceCheckpoint;
    }

    String instance() {
        return instance;
    }

    private ObjectNode head(RecordFormat.Type type) {
        return RecordFormat.head(type, seq + 1, instance, prev);
    }

    private ChainLine seal(RecordFormat.Type type, byte[] body) {
        String hash = Hashes.sha256(body);
        ChainLine line = new ChainLine(instance, seq + 1, type.id, prev, hash, RecordFormat.seal(body, hash));
        seq++;
        prev = hash;
        sinceCheckpoint++;
        return line;
    }
}
