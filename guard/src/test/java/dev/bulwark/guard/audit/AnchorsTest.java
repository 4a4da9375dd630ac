package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.audit.VerifyResult.Kind;
import dev.bulwark.guard.audit.VerifyResult.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An anchor noted outside the log catches what the chain alone cannot: records cut off its end. */
class AnchorsTest {
    @TempDir
    Path dir;
    Path log;
    AuditKeys keys;

    @BeforeEach
    void writeLog() {
        log = dir.resolve("audit.jsonl");
        keys = AuditKeys.loadOrCreate(dir.resolve("audit-signing.pem"));
        AuditLogs.write(log, keys, "gw-1", 0, 23); // checkpoints at seq 6, 12, 18, 24 and the final one at 28
    }

    private Map<Long, String> anchorOfTheLastCheckpoint() {
        var s = AuditVerifier.verify(log, keys.publicKey()).instances().getFirst();
        assertThat(s.lastCheckpointSeq()).isEqualTo(28);
        return Anchors.parse(List.of(Anchors.format(s.lastCheckpointSeq(), s.lastCheckpointHash())));
    }

    @Test
    void the_log_an_anchor_was_taken_from_verifies_with_it() {
        assertThat(AuditVerifier.verify(log, keys.publicKey(), anchorOfTheLastCheckpoint()).ok()).isTrue();
    }

    @Test
    void records_cut_off_the_end_verify_alone_but_not_against_an_anchor() throws IOException {
        Map<Long, String> anchor = anchorOfTheLastCheckpoint();
        List<String> lines = AuditLogs.lines(log);
        AuditLogs.writeLines(log, lines.subList(0, 18)); // up to and with the checkpoint at seq 18
        assertThat(AuditVerifier.verify(log, keys.publicKey()).ok()).as("a shorter chain still verifies").isTrue();
        Problem p = AuditVerifier.verify(log, keys.publicKey(), anchor).firstProblem().orElseThrow();
        assertThat(p.kind()).isEqualTo(Kind.MISSING);
        assertThat(p.seq()).isEqualTo(28);
        assertThat(p.message()).contains("anchored record seq 28", "cut off");
    }

    @Test
    void a_rewritten_record_at_the_anchor_does_not_match() throws IOException {
        Map<Long, String> anchor = Anchors.parse(List.of("28:sha256:" + "0".repeat(64)));
        assertThat(AuditVerifier.verify(log, keys.publicKey(), anchor).firstProblem().orElseThrow().seq()).isEqualTo(28);
    }

    @Test
    void unreadable_anchors_are_refused_naming_them() {
        for (String bad : List.of("28", "x:sha256:" + "0".repeat(64), "0:sha256:" + "0".repeat(64), "28:sha256:abc",
                "28:" + "0".repeat(64))) {
            assertThatThrownBy(() -> Anchors.parse(List.of(bad))).hasMessageContaining("anchor '" + bad + "'");
        }
        assertThatThrownBy(() -> Anchors.parse(List.of("5:sha256:" + "0".repeat(64), "5:sha256:" + "1".repeat(64))))
                .hasMessageContaining("two anchors for seq 5");
    }
}
