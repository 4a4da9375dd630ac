package dev.bulwark.guard.audit;

import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found.
 *
 * @param source    the file or database verified
 * @param unit      what {@link Problem#line} counts: {@code line} (JSONL, from 1) or {@code row} (PostgreSQL row id)
 * @param records   records read, all instances
 * @param instances one summary per instance chain, in order of first appearance
 * @param problems  what does not verify, in reading order (capped at {@value ChainChecker#MAX_PROBLEMS})
 * @param warnings  what verifies but proves less than it may seem (untrusted key, records not yet signed)
 */
public record VerifyResult(String source, String unit, long records, List<InstanceSummary> instances,
                           List<Problem> problems, List<String> warnings) {
    public VerifyResult {
        instances = List.copyOf(instances);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** True when every chain verifies: hashes, links, seq order and every checkpoint signature. */
    public boolean ok() {
        return problems.isEmpty();
    }

    public Optional<Problem> firstProblem() {
        return problems.stream().findFirst();
    }

    /** Why a record does not verify. */
    public enum Kind {
        /** Not a well-formed record of this format (bad JSON, missing fields, unknown type). */
        MALFORMED,
        /** The record's content does not hash to its stated hash: it was changed. */
        CHANGED,
        /** Seq numbers jump: records were removed (or moved further down). */
        MISSING,
        /** A seq number repeats or goes back: records were reordered or duplicated. */
        OUT_OF_ORDER,
        /** {@code prev} is not the hash of the record before: one was inserted, replaced or rehashed. */
        BROKEN_LINK,
        /** A checkpoint's fields disagree with the chain it claims to cover. */
        BAD_CHECKPOINT,
        /** A checkpoint signature does not verify with the trusted key (forged, changed, or another key). */
        BAD_SIGNATURE,
        /** The last line is incomplete: a write cut short, or a truncated file. */
        INCOMPLETE,
        /** A PostgreSQL row's columns disagree with the record it stores. */
        ROW_MISMATCH
    }

    /**
     * @param line     line number (JSONL, from 1 in each file) or row id (PostgreSQL)
     * @param instance the record's instance, when it could be read
     * @param seq      the record's seq as stored, or -1 when it could not be read
     * @param file     the file of the line when several were verified as one chain (rotated files), else null
     */
    public record Problem(long line, String instance, long seq, Kind kind, String message, String file) {
    }

    /**
     * One instance's chain.
     *
     * @param firstSeq  the seq it starts at: 1, or the signed checkpoint that starts a rotated file when the files
     *                  before it were not verified
     * @param lastCheckpointHash the hash of the last checkpoint whose signature verified (null when none): with its
     *                           seq, an anchor to keep outside the log and check later
     * @param uncovered records after the last valid checkpoint: not yet covered by a signature
     * @param closed    the chain ends with the checkpoint its writer writes on close
     */
    public record InstanceSummary(String instance, long firstSeq, long records, long events, long checkpoints,
                                  long gaps, long droppedEvents, long tornTails, long lastSeq, long lastCheckpointSeq,
                                  String lastCheckpointHash, long uncovered, boolean closed) {
    }
}
