package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retest view: run, fix something, run again, diff. */
class ReportDiffCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsFixedNewAndUnchangedByFingerprint() throws Exception {
        Path before = dir.resolve("before");
        assertThat(CliRun.of("demo", "--out", before.toString(), "--no-progress", "--format", "json").exitCode()).isZero();

        // "Fix" the first finding: the second run no longer has it.
        var mapper = new ObjectMapper();
        ObjectNode doc = (ObjectNode) mapper.readTree(before.resolve("findings.json").toFile());
        ArrayNode findings = (ArrayNode) doc.get("findings");
        String fixedId = findings.get(0).get("id").asText();
        findings.remove(0);
        Path after = Files.createDirectories(dir.resolve("after"));
        mapper.writeValue(after.resolve("findings.json").toFile(), doc);

        var run = CliRun.of("report", "diff", before.toString(), after.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsIgnoringCase("fixed").contains(fixedId).containsIgnoringCase("unchanged");
    }

    @Test
    void aBrokenFindingsFileIsBadInput() throws Exception {
        Path bad = dir.resolve("findings.json");
        Files.writeString(bad, "{\"schema\": \"something/else\"}");
        var run = CliRun.of("report", "diff", bad.toString(), bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("findings.json");
    }
}
