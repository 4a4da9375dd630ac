package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.guard.audit.VerifyResult.Kind;
import dev.bulwark.guard.audit.VerifyResult.Problem;
import dev.bulwark.guard.config.AuditConfig.Rotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSONL log rotated by size: the rotated files and the live one verify as one chain, each file also on its own,
 * and a file or a record removed anywhere in the series is caught.
 */
class AuditRotationTest {
    /** About three events' worth: each writing session below fills a file and rotates it. */
    private static final Rotation SMALL = new Rotation(2048, 0);
    private static final int EVENTS_PER_SESSION = 6;

    @TempDir
    Path dir;
    Path log;
    AuditKeys keys;

    @BeforeEach
    void setUp() {
        log = dir.resolve("audit.jsonl");
        keys = AuditKeys.loadOrCreate(dir.resolve("audit-signing.pem"));
    }

    /** {@code sessions} runs of the writer (start, events, close), as restarts of a gateway would. */
    private void write(int sessions, Rotation rotation) {
        for (int s = 0; s < sessions; s++) {
            try (var sink = ChainedAuditSink.jsonl(log, rotation, "gw-1", keys, AuditLogs.CHECKPOINT_EVERY, 10_000)) {
                for (int i = 0; i < EVENTS_PER_SESSION; i++) sink.append(AuditLogs.event(s * EVENTS_PER_SESSION + i));
            }
        }
    }

    private VerifyResult verify(Path file) {
        return AuditVerifier.verify(file, keys.publicKey());
    }

    @Test
    void rotated_files_and_the_live_one_verify_as_one_chain() throws IOException {
        write(4, SMALL);
        List<Path> rotated = RotatedFiles.of(log);
        // at least one rotation per session (each writes more than the limit); two when the writer's batches split it
        assertThat(rotated).hasSizeGreaterThanOrEqualTo(4);
        VerifyResult r = verify(log);
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.source()).endsWith("and the " + rotated.size() + " file(s) it was rotated into");
        var s = r.instances().getFirst();
        assertThat(s.firstSeq()).isEqualTo(1);
        assertThat(s.events()).isEqualTo(4 * EVENTS_PER_SESSION);
        assertThat(s.closed()).isTrue();
        for (Path f : rotated) {
            List<String> lines = AuditLogs.lines(f);
            assertThat(lines.getLast()).as("each rotated file ends signed").contains("\"type\":\"checkpoint\"");
            assertThat(Files.size(f)).isGreaterThanOrEqualTo(SMALL.maxBytes());
        }
        assertThat(AuditLogs.lines(log).getFirst()).as("a new file starts signed").contains("\"type\":\"checkpoint\"");
    }

    @Test
    void each_rotated_file_verifies_on_its_own() throws IOException {
        write(3, SMALL);
        List<Path> rotated = RotatedFiles.of(log);
        VerifyResult first = verify(rotated.getFirst());
        assertThat(first.ok()).isTrue();
        assertThat(first.instances().getFirst().firstSeq()).isEqualTo(1);
        assertThat(first.source()).isEqualTo(rotated.getFirst().toString());
        VerifyResult later = verify(rotated.get(1));
        assertThat(later.problems()).isEmpty();
        assertThat(later.instances().getFirst().firstSeq()).isGreaterThan(1);
        assertThat(later.warnings()).singleElement().asString().contains("starts at seq", "with a signed checkpoint");
        assertThat(later.instances().getFirst().uncovered()).isZero();
    }

    @Test
    void a_rotated_file_removed_from_the_middle_is_caught() throws IOException {
        write(4, SMALL);
        List<Path> rotated = RotatedFiles.of(log);
        Files.delete(rotated.get(1));
        Problem p = verify(log).firstProblem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.file()).isEqualTo(rotated.get(2).toString());
        assertThat(p.line()).isEqualTo(1);
    }

    @Test
    void a_record_removed_from_a_rotated_file_is_caught_in_that_file() throws IOException {
        write(3, SMALL);
        Path second = RotatedFiles.of(log).get(1);
        List<String> lines = AuditLogs.lines(second);
        lines.remove(2);
        AuditLogs.writeLines(second, lines);
        Problem p = verify(log).firstProblem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.file()).isEqualTo(second.toString());
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void the_signed_start_of_a_file_cut_away_is_caught() throws IOException {
        write(3, SMALL);
        Path second = RotatedFiles.of(log).get(1);
        List<String> lines = AuditLogs.lines(second);
        while (!lines.getFirst().contains("\"type\":\"event\"")) lines.removeFirst(); // up to its first event
        AuditLogs.writeLines(second, lines);
        assertThat(verify(log).firstProblem().orElseThrow()).extracting(Problem::kind, Problem::file)
                .containsExactly(Kind.MISSING, second.toString());
        Path alone = dir.resolve("copy.jsonl");
        Files.copy(second, alone);
        assertThat(verify(alone).firstProblem().orElseThrow().message()).contains("expected seq 1");
    }

    @Test
    void keep_files_deletes_the_oldest_and_what_is_left_verifies_with_a_warning() throws IOException {
        write(4, new Rotation(SMALL.maxBytes(), 2));
        assertThat(RotatedFiles.of(log)).hasSize(2);
        VerifyResult r = verify(log);
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances().getFirst().firstSeq()).isGreaterThan(1);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("not among those verified"));
    }

    @Test
    void a_signed_start_is_accepted_from_files_only_not_where_nothing_rotates() throws IOException {
        write(1, Rotation.NEVER);
        List<String> lines = AuditLogs.lines(log);
        while (!lines.getFirst().contains("\"type\":\"checkpoint\"")) lines.removeFirst(); // cut up to a checkpoint
        AuditLogs.writeLines(log, lines);
        VerifyResult fromFile = verify(log);
        assertThat(fromFile.ok()).isTrue();
        assertThat(fromFile.warnings()).anySatisfy(w -> assertThat(w).contains("starts at seq"));
        // the strict check (one source that does not rotate, as a PostgreSQL table): the cut is a problem
        VerifyResult strict = AuditVerifier.verify("table-like", Files.newInputStream(log), keys.publicKey());
        assertThat(strict.firstProblem().orElseThrow().kind()).isEqualTo(Kind.MISSING);
    }

    @Test
    void a_restart_right_after_a_rename_continues_the_chain_in_a_new_file() throws IOException {
        write(1, Rotation.NEVER);
        // the process stopped after renaming the full file and before opening the next one
        Files.move(log, RotatedFiles.nextName(log, Instant.now()));
        write(1, SMALL);
        VerifyResult r = verify(log);
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances().getFirst().events()).isEqualTo(2 * EVENTS_PER_SESSION);
        assertThat(AuditLogs.lines(log).getFirst()).contains("\"type\":\"checkpoint\"");
    }

    /** A clock the test moves: UTC, starting now. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static void awaitLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((!Files.exists(file) || AuditLogs.lines(file).size() < lines) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void a_daily_log_moves_to_a_new_file_when_the_day_changes() throws Exception {
        var clock = new MovableClock();
        var daily = new Rotation(0, 0, true);
        try (var sink = ChainedAuditSink.over(new JsonlStore(log, daily, clock), "gw-1", keys, 100)) {
            for (int i = 0; i < 3; i++) sink.append(AuditLogs.event(i));
            awaitLines(log, 3);
            assertThat(RotatedFiles.of(log)).as("same day").isEmpty();
            clock.advance(Duration.ofDays(1));
            for (int i = 3; i < 6; i++) sink.append(AuditLogs.event(i));
        }
        List<Path> rotated = RotatedFiles.of(log);
        assertThat(rotated).hasSize(1);
        assertThat(AuditLogs.lines(rotated.getFirst())).filteredOn(l -> l.contains("\"type\":\"event\"")).hasSize(3);
        assertThat(AuditLogs.lines(log)).filteredOn(l -> l.contains("\"type\":\"event\"")).hasSize(3);
        VerifyResult r = verify(log);
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances().getFirst().events()).isEqualTo(6);
    }

    @Test
    void a_daily_log_last_written_yesterday_is_rotated_when_the_gateway_starts_today() throws Exception {
        write(1, Rotation.NEVER);
        Files.setLastModifiedTime(log, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        try (var sink = ChainedAuditSink.over(new JsonlStore(log, new Rotation(0, 0, true), Clock.systemUTC()), "gw-1",
                keys, 100)) {
            sink.append(AuditLogs.event(100));
        }
        assertThat(RotatedFiles.of(log)).hasSize(1);
        assertThat(AuditLogs.lines(RotatedFiles.of(log).getFirst()))
                .filteredOn(l -> l.contains("\"type\":\"event\"")).hasSize(EVENTS_PER_SESSION);
        assertThat(verify(log).problems()).isEmpty();
    }

    @Test
    void an_unrotated_log_is_left_alone() throws IOException {
        write(3, Rotation.NEVER);
        assertThat(RotatedFiles.of(log)).isEmpty();
        assertThat(verify(log).ok()).isTrue();
    }

    @Test
    void new_log_files_are_readable_by_owner_and_group_only() throws IOException {
        assumeTrue(log.getFileSystem().supportedFileAttributeViews().contains("posix"));
        write(2, SMALL);
        List<Path> files = new java.util.ArrayList<>(RotatedFiles.of(log));
        files.add(log);
        for (Path f : files) {
            // 640, or less under a stricter umask: never anything for others, never group write
            assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                    .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                    .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ,
                            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    @Test
    void rotated_names_sort_in_time_order_and_torn_tails_are_not_among_them() throws IOException {
        Instant t = Instant.parse("2026-11-27T09:59:59.999Z");
        Path a = RotatedFiles.nextName(log, t);
        Files.writeString(a, "x");
        Path b = RotatedFiles.nextName(log, t); // same instant, name taken: a millisecond later
        Files.writeString(b, "x");
        Files.writeString(dir.resolve("audit.jsonl.torn-20261127T100000.000Z"), "x");
        Files.writeString(dir.resolve("audit.jsonl.bak"), "x");
        assertThat(a.getFileName()).hasToString("audit.jsonl.20261127T095959.999Z");
        assertThat(b.getFileName()).hasToString("audit.jsonl.20261127T100000.000Z");
        assertThat(RotatedFiles.of(log)).containsExactly(a, b);
        assertThat(RotatedFiles.isRotated(a)).isTrue();
        assertThat(RotatedFiles.isRotated(log)).isFalse();

        Path odd = dir.resolve("audit[gw*1].jsonl"); // glob characters in the log's own name
        Path oddRotated = RotatedFiles.nextName(odd, t);
        Files.writeString(oddRotated, "x");
        assertThat(RotatedFiles.of(odd)).containsExactly(oddRotated);
    }
}
