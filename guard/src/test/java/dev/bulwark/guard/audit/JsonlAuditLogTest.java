package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.audit.VerifyResult.Kind;
import dev.bulwark.guard.audit.VerifyResult.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSONL log written through the real sink, then tampered with in each way the verifier must catch. */
class JsonlAuditLogTest {
    @TempDir
    Path dir;
    Path log;
    AuditKeys keys;

    @BeforeEach
    void writeLog() {
        log = dir.resolve("audit.jsonl");
        keys = AuditKeys.loadOrCreate(dir.resolve("audit-signing.pem"));
        // 23 events, checkpoint after every 5 records: seq 6, 12, 18, 24 periodic, 28 final
        AuditLogs.write(log, keys, "gw-1", 0, 23);
    }

    @Test
    void events_across_checkpoints_verify() throws IOException {
        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.records()).isEqualTo(28);
        var s = r.instances().get(0);
        assertThat(s.instance()).isEqualTo("gw-1");
        assertThat(s.events()).isEqualTo(23);
        assertThat(s.checkpoints()).isEqualTo(5);
        assertThat(s.lastSeq()).isEqualTo(28);
        assertThat(s.lastCheckpointSeq()).isEqualTo(28);
        assertThat(s.uncovered()).isZero();
        assertThat(s.closed()).isTrue();
        assertThat(r.warnings()).isEmpty();
        List<String> lines = AuditLogs.lines(log);
        assertThat(lines.get(5)).contains("\"type\":\"checkpoint\"", "\"seq\":6", "\"count\":5", "\"final\":false");
        assertThat(lines.get(0)).startsWith("{\"v\":1,\"type\":\"event\",\"seq\":1,\"instance\":\"gw-1\",\"prev\":\""
                + Hashes.genesis("gw-1") + "\",\"at\":\"2025-01-01T00:00:00Z\"");
    }

    @Test
    void a_changed_byte_is_caught_at_its_line() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        lines.set(2, lines.get(2).replace("\"status\":200", "\"status\":201"));
        AuditLogs.writeLines(log, lines);
        assertFirst(Kind.CHANGED, 3, 3);
        assertThat(AuditVerifier.verify(log, keys.publicKey()).problems()).as("reported once, no cascade").hasSize(1);
    }

    @Test
    void a_removed_record_is_caught() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        lines.remove(2);
        AuditLogs.writeLines(log, lines);
        Problem p = assertFirst(Kind.MISSING, 3, 4);
        assertThat(p.message()).contains("expected seq 3, found 4");
    }

    @Test
    void swapped_records_are_caught() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        AuditLogs.writeLines(log, lines);
        assertFirst(Kind.MISSING, 3, 4);
        var r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.problems().get(1)).extracting(Problem::line, Problem::seq, Problem::kind)
                .containsExactly(4L, 3L, Kind.OUT_OF_ORDER);
    }

    @Test
    void a_tail_cut_mid_record_is_caught_at_the_last_line() throws IOException {
        long size = Files.size(log);
        try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(size - 40);
        }
        assertFirst(Kind.INCOMPLETE, 28, -1);
    }

    @Test
    void a_tail_cut_at_a_record_boundary_shows_as_unsigned_records() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        AuditLogs.writeLines(log, lines.subList(0, 21)); // up to seq 21; last good checkpoint is seq 18
        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.ok()).isTrue();
        var s = r.instances().get(0);
        assertThat(s.closed()).isFalse();
        assertThat(s.lastCheckpointSeq()).isEqualTo(18);
        assertThat(s.uncovered()).isEqualTo(3);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("3 record(s) after seq 18 are not yet "
                + "covered by a signature"));
    }

    @Test
    void records_cut_off_the_end_are_caught_against_an_anchor_noted_before() throws IOException {
        var whole = AuditVerifier.verify(log, keys.publicKey()).instances().get(0);
        assertThat(whole.lastCheckpointSeq()).isEqualTo(28);
        var anchor = Anchors.parse(List.of(Anchors.format(whole.lastCheckpointSeq(), whole.lastCheckpointHash())));
        assertThat(AuditVerifier.verify(log, keys.publicKey(), anchor).ok()).isTrue();

        List<String> lines = AuditLogs.lines(log);
        AuditLogs.writeLines(log, lines.subList(0, 18)); // up to and with the checkpoint at seq 18
        assertThat(AuditVerifier.verify(log, keys.publicKey()).ok()).as("a shorter chain still verifies").isTrue();
        Problem p = AuditVerifier.verify(log, keys.publicKey(), anchor).firstProblem().orElseThrow();
        assertThat(p).extracting(Problem::kind, Problem::seq).containsExactly(Kind.MISSING, 28L);
        assertThat(p.message()).contains("anchored record seq 28", "cut off");

        var other = Anchors.parse(List.of("12:sha256:" + "0".repeat(64))); // a record there, but not this one
        assertThat(AuditVerifier.verify(log, keys.publicKey(), other).firstProblem().orElseThrow().seq()).isEqualTo(12);
    }

    @Test
    void a_changed_signature_is_caught() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        String cp = lines.get(5);
        int at = cp.indexOf("\"sig\":\"") + 10;
        char c = cp.charAt(at);
        lines.set(5, cp.substring(0, at) + (c == 'A' ? 'B' : 'A') + cp.substring(at + 1));
        AuditLogs.writeLines(log, lines);
        assertFirst(Kind.CHANGED, 6, 6);
    }

    @Test
    void a_forged_checkpoint_with_a_recomputed_hash_fails_its_signature() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        String last = lines.get(27);
        String prev = AuditLogs.hashOf(lines.get(26));
        lines.set(27, AuditLogs.reseal(last, prev, n -> n.put("at", "2030-01-01T00:00:00Z")));
        AuditLogs.writeLines(log, lines);
        Problem p = assertFirst(Kind.BAD_SIGNATURE, 28, 28);
        assertThat(p.message()).contains("does not verify");
    }

    @Test
    void a_rewritten_and_fully_rehashed_chain_fails_at_the_next_checkpoint() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        String prev = AuditLogs.hashOf(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            int index = i;
            lines.set(i, AuditLogs.reseal(lines.get(i), prev, n -> {
                if (index == 1) n.put("status", 500);
            }));
            prev = AuditLogs.hashOf(lines.get(i));
        }
        AuditLogs.writeLines(log, lines);
        assertFirst(Kind.BAD_SIGNATURE, 6, 6);
    }

    @Test
    void a_record_inserted_with_a_valid_hash_breaks_the_link() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        String fake = AuditLogs.reseal(lines.get(1), AuditLogs.hashOf(lines.get(1)), n -> n.put("seq", 3));
        lines.add(2, fake); // claims seq 3; the real seq 3 follows it
        AuditLogs.writeLines(log, lines);
        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.ok()).isFalse();
        assertThat(r.firstProblem().orElseThrow()).extracting(Problem::line, Problem::seq, Problem::kind)
                .containsExactly(4L, 3L, Kind.OUT_OF_ORDER);
    }

    @Test
    void another_key_does_not_verify_the_checkpoints() {
        AuditKeys other = AuditKeys.loadOrCreate(dir.resolve("other.pem"));
        VerifyResult r = AuditVerifier.verify(log, other.publicKey());
        assertThat(r.ok()).isFalse();
        Problem p = r.firstProblem().orElseThrow();
        assertThat(p).extracting(Problem::line, Problem::seq, Problem::kind).containsExactly(6L, 6L,
                Kind.BAD_SIGNATURE);
        assertThat(p.message()).contains(keys.keyId(), other.keyId());
    }

    @Test
    void a_restart_continues_the_chain() throws IOException {
        AuditLogs.write(log, keys, "gw-1", 100, 7);
        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        var s = r.instances().get(0);
        assertThat(s.events()).isEqualTo(30);
        assertThat(s.closed()).isTrue();
        assertThat(AuditLogs.lines(log).get(28)).contains("\"seq\":29", "\"requestId\":\"req-100\"");
    }

    @Test
    void a_torn_last_line_is_moved_aside_and_noted() throws IOException {
        String torn = "{\"v\":1,\"type\":\"event\",\"seq\":29,\"instance\":\"gw-1\",\"pr";
        Files.writeString(log, torn, StandardOpenOption.APPEND);
        assertFirst(Kind.INCOMPLETE, 29, -1);

        AuditLogs.write(log, keys, "gw-1", 200, 2);

        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances().get(0).tornTails()).isEqualTo(1);
        String note = AuditLogs.lines(log).get(28);
        assertThat(note).contains("\"type\":\"torn-tail\"", "\"seq\":29", "\"bytes\":" + torn.length());
        try (var files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("audit.jsonl.torn-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo(torn);
            assertThat(note).contains("\"file\":\"" + aside.getFileName() + "\"");
        }
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("torn"));
    }

    @Test
    void a_writer_refuses_to_continue_a_tampered_tail() throws IOException {
        List<String> lines = AuditLogs.lines(log);
        lines.set(26, lines.get(26).replace("\"status\":200", "\"status\":500"));
        AuditLogs.writeLines(log, lines);
        assertThatThrownBy(() -> AuditLogs.write(log, keys, "gw-1", 300, 1))
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("does not verify").hasMessageContaining("seq 27");
    }

    @Test
    void a_second_writer_on_the_same_file_is_refused() {
        try (var first = ChainedAuditSink.jsonl(log, "gw-1", keys, 5, 10)) {
            assertThatThrownBy(() -> ChainedAuditSink.jsonl(log, "gw-1", keys, 5, 10))
                    .isInstanceOf(AuditStoreException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void every_event_is_either_written_or_counted_in_a_gap_record() {
        Path small = dir.resolve("small.jsonl");
        long dropped;
        try (var sink = ChainedAuditSink.jsonl(small, "gw-2", keys, 50, 1)) {
            for (int i = 0; i < 2_000; i++) sink.append(AuditLogs.event(i));
            sink.close();
            dropped = sink.dropped();
        }
        VerifyResult r = AuditVerifier.verify(small, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        var s = r.instances().get(0);
        assertThat(s.events() + s.droppedEvents()).isEqualTo(2_000);
        assertThat(s.droppedEvents()).isEqualTo(dropped);
    }

    @Test
    void hostile_text_is_kept_bounded_and_well_formed() throws IOException {
        Path hostile = dir.resolve("hostile.jsonl");
        var e = AuditLogs.event(1);
        var evil = new dev.bulwark.guard.pipeline.AuditEvent(e.at(), "r\ud800", e.clientId(), e.remoteIp(), e.route(),
                "m\udc00odel\u0000", e.upstream(), 200, "allowed", e.decisions(), 1, 1, 1, false,
                "x".repeat(RecordFormat.MAX_TEXT_CHARS + 10), null);
        try (var sink = ChainedAuditSink.jsonl(hostile, "gw-h", keys, 5, 10)) {
            sink.append(evil);
        }
        VerifyResult r = AuditVerifier.verify(hostile, keys.publicKey());
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances().get(0).events()).isEqualTo(1);
        String line = AuditLogs.lines(hostile).get(0);
        assertThat(line).contains("\"requestId\":\"r\uFFFD\"", "\"model\":\"m\uFFFDodel\\u0000\"", "…[10 characters cut]");
    }

    @Test
    void a_missing_or_foreign_file_is_a_file_error() throws IOException {
        assertThatThrownBy(() -> AuditVerifier.verify(dir.resolve("nope.jsonl"), keys.publicKey()))
                .isInstanceOf(AuditFileException.class).hasMessageContaining("nope.jsonl");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello\nworld\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuditVerifier.verify(text, keys.publicKey()))
                .isInstanceOf(AuditFileException.class).hasMessageContaining("notes.txt: line 1");
    }

    private Problem assertFirst(Kind kind, long line, long seq) {
        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.ok()).isFalse();
        Problem p = r.firstProblem().orElseThrow();
        assertThat(p).extracting(Problem::kind, Problem::line, Problem::seq).containsExactly(kind, line, seq);
        return p;
    }
}
