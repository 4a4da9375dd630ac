package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Anchors as people copy them: SEQ:HASH, read strictly. (Anchors against a log: JsonlAuditLogTest.) */
class AnchorsTest {
    private static final String HASH = "sha256:" + "0".repeat(64);

    @Test
    void an_anchor_reads_back_as_it_was_printed() {
        assertThat(Anchors.parse(List.of(Anchors.format(28, HASH), "6:" + HASH))).containsExactly(
                java.util.Map.entry(6L, HASH), java.util.Map.entry(28L, HASH));
    }

    @Test
    void unreadable_anchors_are_refused_naming_them() {
        for (String bad : List.of("28", "x:" + HASH, "0:" + HASH, "28:sha256:abc", "28:" + "0".repeat(64), "28:")) {
            assertThatThrownBy(() -> Anchors.parse(List.of(bad))).hasMessageContaining("anchor '" + bad + "'");
        }
        assertThatThrownBy(() -> Anchors.parse(List.of("5:" + HASH, "5:sha256:" + "1".repeat(64))))
                .hasMessageContaining("two anchors for seq 5");
    }
}
