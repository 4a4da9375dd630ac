package dev.bulwark.guard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.guard.audit.VerifyResult.InstanceSummary;
import dev.bulwark.guard.audit.VerifyResult.Kind;
import dev.bulwark.guard.audit.VerifyResult.Problem;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks records one at a time, keeping one chain state per instance: the recomputed hash, the seq order, the
 * {@code prev} link and every checkpoint's signature. Shared by the file and database verifiers and by the writers,
 * which check the tail they continue. After a problem the chain resynchronises on the record as stored, so one
 * change is reported once rather than cascading.
 */
final class ChainChecker {
    static final int MAX_PROBLEMS = 100;
    static final int MAX_INSTANCES = 10_000;
    private static final int MAX_INSTANCE_CHARS = 256;

    private final PublicKey trusted;
    private final String trustedKeyId;
    private final boolean fromGenesis;
    private final Map<String, State> chains = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long records;
    private String file;
    private boolean signedStartAllowed;
    private final Map<Long, String> anchors = new TreeMap<>();
    private final Set<Long> anchorsFound = new HashSet<>();

    /**
     * @param fromGenesis true when the records start at each chain's beginning (a whole log); false to pick up a
     *                    chain from its first record seen (a writer checking the tail it continues)
     */
    ChainChecker(PublicKey trusted, boolean fromGenesis) {
        this.trusted = trusted;
        this.trustedKeyId = AuditKeys.keyId(trusted);
        this.fromGenesis = fromGenesis;
    }

    /**
     * Lets a chain start at a signed checkpoint instead of seq 1 (reported in a warning): how a rotated JSONL file,
     * or the rest of a log whose oldest files are gone, begins. Never for a table, which does not rotate.
     */
    ChainChecker allowingSignedStart() {
        this.signedStartAllowed = true;
        return this;
    }

    /**
     * Records that must be in the log: seq → hash, as noted outside it earlier (anchors). One that is missing or
     * different is a problem: it shows records cut off the end, or the start, which the chain alone cannot.
     */
    ChainChecker expecting(Map<Long, String> anchored) {
        anchors.putAll(anchored);
        return this;
    }

    /** Names the file the next records come from, in problems (when one check reads several files in turn). */
    void readingFile(String name) {
        this.file = name;
    }

    /** Columns a database row stores beside the record; they must agree with it. */
    record Row(String instance, long seq, String prev, String hash) {
    }

    void accept(long line, byte[] bytes) {
        accept(line, bytes, null);
    }

    void accept(long line, byte[] bytes, Row row) {
        records++;
        String stated = RecordFormat.statedHash(bytes);
        JsonNode n;
        try {
            n = RecordFormat.parse(bytes);
        } catch (IOException | RuntimeException e) {
            problem(line, null, -1, stated == null ? Kind.MALFORMED : Kind.CHANGED,
                    "not a JSON record" + (stated == null ? "" : " (its bytes were changed)"));
            return;
        }
        String instance = text(n, "instance");
        long seq = n.path("seq").canConvertToLong() && n.path("seq").isIntegralNumber() ? n.path("seq").asLong() : -1;
        if (stated == null) {
            problem(line, instance, seq, Kind.MALFORMED, "the record does not end with its hash member");
            return;
        }
        if (!stated.equals(Hashes.sha256(RecordFormat.hashedBytes(bytes)))) {
            problem(line, instance, seq, Kind.CHANGED, "content does not match its hash: the record was changed");
            State chain = instance == null ? null : chains.get(instance);
            if (chain != null && seq == chain.nextSeq) chain.advance(seq, stated, null, false); // no cascade
            return;
        }
        RecordFormat.Type type = RecordFormat.Type.of(text(n, "type"));
        String prev = text(n, "prev");
        if (!n.isObject() || n.path("v").asInt() != RecordFormat.VERSION || type == null || seq < 1
                || instance == null || instance.isEmpty() || instance.length() > MAX_INSTANCE_CHARS
                || !Hashes.isHash(prev) || !stated.equals(text(n, "hash"))) {
            problem(line, instance, seq, Kind.MALFORMED, "not a version " + RecordFormat.VERSION
                    + " audit record (v, type, seq, instance, prev or hash missing or invalid)");
            return;
        }
        if (row != null && !(row.instance().equals(instance) && row.seq() == seq && row.prev().equals(prev)
                && row.hash().equals(stated))) {
            problem(line, instance, seq, Kind.ROW_MISMATCH, "the row's instance/seq/prev/hash columns ("
                    + row.instance() + ", " + row.seq() + ") disagree with the record it stores");
            return;
        }
        if (stated.equals(anchors.get(seq))) anchorsFound.add(seq);
        State chain = chains.get(instance);
        if (chain == null) {
            if (chains.size() >= MAX_INSTANCES) {
                problem(line, instance, seq, Kind.MALFORMED, "more than " + MAX_INSTANCES + " instances");
                return;
            }
            // a rotated file starts with a signed checkpoint: from there the chain verifies without the files before
            boolean continues = fromGenesis && signedStartAllowed && seq > 1 && type == RecordFormat.Type.CHECKPOINT;
            chain = fromGenesis && !continues ? new State(instance, 1, Hashes.genesis(instance))
                    : new State(instance, seq, prev);
            if (continues) chain.firstSeq = seq;
            chains.put(instance, chain);
        }
        link(line, chain, seq, prev);
        chain.count(type, n);
        if (type == RecordFormat.Type.CHECKPOINT) checkpoint(line, chain, n, seq, prev, bytes);
        chain.advance(seq, stated, type, n.path("final").asBoolean(false));
    }

    private void link(long line, State chain, long seq, String prev) {
        if (seq > chain.nextSeq) {
            problem(line, chain.instance, seq, Kind.MISSING, "expected seq " + chain.nextSeq + ", found " + seq
                    + ": " + (seq - chain.nextSeq) + " record(s) removed or moved");
        } else if (seq < chain.nextSeq) {
            problem(line, chain.instance, seq, Kind.OUT_OF_ORDER, "seq " + seq + " after seq " + (chain.nextSeq - 1)
                    + ": records reordered or duplicated");
        } else if (!prev.equals(chain.prev)) {
            problem(line, chain.instance, seq, Kind.BROKEN_LINK, "prev is not the hash of "
                    + (seq == 1 ? "the instance id (genesis)" : "seq " + (seq - 1))
                    + ": a record before it was inserted, replaced or rehashed");
        }
    }

    private void checkpoint(long line, State chain, JsonNode n, long seq, String prev, byte[] bytes) {
        if (!prev.equals(text(n, "covers")) || n.path("count").asLong(-1) != seq - 1) {
            problem(line, chain.instance, seq, Kind.BAD_CHECKPOINT, "covers/count disagree with the chain");
            return;
        }
        String keyId = text(n, "keyId");
        byte[] signed = RecordFormat.signedBytes(RecordFormat.hashedBytes(bytes));
        String sig = text(n, "sig");
        if (!trustedKeyId.equals(keyId)) {
            problem(line, chain.instance, seq, Kind.BAD_SIGNATURE, "signed by key " + keyId
                    + ", the trusted key is " + trustedKeyId);
        } else if (signed == null || sig == null || !AuditKeys.verify(trusted, signed, sig)) {
            problem(line, chain.instance, seq, Kind.BAD_SIGNATURE, "checkpoint signature does not verify with "
                    + "the trusted key: forged or re-signed");
        } else {
            chain.lastCheckpointSeq = seq;
            chain.lastCheckpointHash = RecordFormat.statedHash(bytes);
        }
    }

    /** Records the problems of a whole source (an incomplete last line) that belong to no record. */
    void problem(long line, String instance, long seq, Kind kind, String message) {
        if (problems.size() < MAX_PROBLEMS) problems.add(new Problem(line, instance, seq, kind, message, file));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The tail of {@code instance} as checked so far, or null when no record of it was seen. */
    ChainTail tail(String instance) {
        State s = chains.get(instance);
        return s == null ? null : new ChainTail(s.lastSeq, s.prev, s.lastSeq - s.lastCheckpointSeq);
    }

    VerifyResult result(String source, String unit, List<String> warnings) {
        String before = file;
        file = null;
        anchors.forEach((seq, hash) -> {
            if (!anchorsFound.contains(seq)) {
                problem(-1, null, seq, Kind.MISSING, "the anchored record seq " + seq + " (" + hash + ") is not in "
                        + "the log: records were cut off, or it was changed");
            }
        });
        file = before;
        var summaries = chains.values().stream().map(State::summary).toList();
        var allWarnings = new ArrayList<>(warnings);
        for (InstanceSummary s : summaries) {
            if (s.firstSeq() > 1) {
                allWarnings.add(s.instance() + ": starts at seq " + s.firstSeq() + " with a signed checkpoint; the "
                        + (s.firstSeq() - 1) + " record(s) before it are not among those verified (files rotated out "
                        + "and deleted, or not given — or removed, which this cannot tell apart)");
            }
            if (s.uncovered() > 0) {
                allWarnings.add(s.instance() + ": " + s.uncovered() + " record(s) after seq " + s.lastCheckpointSeq()
                        + " are not yet covered by a signature (a writer still running, or one that stopped "
                        + "without closing; records removed from the end cannot be detected there)");
            }
            if (s.droppedEvents() > 0) {
                allWarnings.add(s.instance() + ": " + s.droppedEvents() + " event(s) were dropped by the writer "
                        + "(audit queue full), recorded in " + s.gaps() + " gap record(s)");
            }
            if (s.tornTails() > 0) {
                allWarnings.add(s.instance() + ": " + s.tornTails() + " torn line(s) from crashes were moved aside "
                        + "(see the torn-tail records)");
            }
        }
        return new VerifyResult(source, unit, records, summaries, problems, allWarnings);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** One instance's chain as read so far. */
    private static final class State {
        final String instance;
        long nextSeq;
        String prev;
        long lastSeq;
        long lastCheckpointSeq;
        long records, events, checkpoints, gaps, dropped, torn;
        long firstSeq = 1;
        String lastCheckpointHash;
        boolean closed;

        State(String instance, long nextSeq, String prev) {
            this.instance = instance;
            this.nextSeq = nextSeq;
            this.prev = prev;
            this.lastSeq = nextSeq - 1;
            this.lastCheckpointSeq = nextSeq - 1;
        }

        void count(RecordFormat.Type type, JsonNode n) {
            records++;
            switch (type) {
                case EVENT -> events++;
                case CHECKPOINT -> checkpoints++;
                case GAP -> {
                    gaps++;
                    dropped += Math.max(0, n.path("dropped").asLong(0));
                }
                case TORN -> torn++;
            }
        }

        void advance(long seq, String hash, RecordFormat.Type type, boolean finalCheckpoint) {
            nextSeq = seq + 1;
            prev = hash;
            lastSeq = Math.max(lastSeq, seq);
            closed = type == RecordFormat.Type.CHECKPOINT && finalCheckpoint && lastCheckpointSeq == seq;
        }

        InstanceSummary summary() {
            return new InstanceSummary(instance, firstSeq, records, events, checkpoints, gaps, dropped, torn, lastSeq,
                    lastCheckpointSeq, lastCheckpointHash, Math.max(0, lastSeq - lastCheckpointSeq), closed);
        }
    }
}
