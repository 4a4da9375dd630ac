package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.report.md.MarkdownReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportWriterTest {
    @TempDir
    Path dir;

    private String written(boolean complete) throws IOException {
        new MarkdownReportWriter().write(Fixtures.assessment(complete), Fixtures.TOOL, dir);
        return Files.readString(dir.resolve("summary.md"));
    }

    @Test
    void tablesForCountsScenariosControlsFindingsAndNotTested() throws IOException {
        String md = written(false);
        assertThat(md).contains("| high | 2 |", "| critical | 1 |");
        assertThat(md).contains("| S-1 | Customer data exfiltration through the assistant | high | high | immediate | F-0001, F-0002, F-0003 |");
        assertThat(md).contains("| 1 | Require authentication on every AI endpoint | bulwark guard: auth | S-1 | F-0001 |");
        assertThat(md).contains("| F-0002 | high | Assistant follows injected instructions | bot | LLM01 | CWE-1427 |");
        assertThat(md).contains("| llm.system-prompt-leak | bot |");
        assertThat(md).contains("Incomplete run");
        assertThat(written(true)).doesNotContain("Incomplete run");
    }

    @Test
    void detectiveControlsAreListedApartAndEmptyListsShowADash() throws IOException {
        String md = written(false);
        assertThat(md).contains("| 3 | Encrypt traffic with TLS | bulwark guard: TLS termination | — | F-0005 |");
        assertThat(md).contains("| 4 | Audit log of AI traffic | bulwark guard: audit log | detective | S-1 | F-0001, F-0002 |");
        assertThat(md.indexOf("Also worth switching on")).isGreaterThan(md.indexOf("| 3 | Encrypt traffic"))
                .isLessThan(md.indexOf("| 4 | Audit log"));
        assertThat(md).doesNotContain("|  |");
        assertThat(md).contains("| S-3 | Eavesdropping on cleartext traffic | low | low | document | F-0005 | competitor |");
    }

    @Test
    void cellsCannotBreakTheTable() throws IOException {
        String md = written(false);
        String row = md.lines().filter(l -> l.startsWith("| F-0004")).findFirst().orElseThrow();
        assertThat(row).contains("Pickle \\| opcode").contains("&lt;b&gt;").doesNotContain("\u0001");
        // every table row has the header's number of unescaped separators
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(7);
        assertThat(md).doesNotContain("<support bot>");
    }
}
