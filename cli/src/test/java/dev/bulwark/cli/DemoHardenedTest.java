package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance for the fixed demo: the same (standard) assessment against `demo --hardened` finds nothing of
 * medium or above except cleartext transport, and the generated key is written nowhere.
 */
class DemoHardenedTest {
    @TempDir
    Path out;

    @Test
    void theHardenedDemoHasNoMediumOrHigherFindingButCleartext() throws Exception {
        var run = CliRun.of("demo", "--hardened", "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("hardened").contains("Plan (standard pack)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        List<String> serious = new ArrayList<>();
        for (JsonNode f : json.path("findings")) {
            String severity = f.path("severity").asText();
            boolean mediumOrAbove = List.of("medium", "high", "critical").contains(severity);
            if (mediumOrAbove && !f.path("check").asText().equals("api.cleartext")) {
                serious.add(f.path("check").asText() + " on " + f.path("target").asText() + ": " + f.path("title").asText());
            }
        }
        assertThat(serious).as("medium+ findings against the hardened demo").isEmpty();
        assertThat(json.at("/coverage/owaspLlm/LLM01").asText()).isEqualTo("tested");
        assertThat(json.at("/coverage/owaspLlm/LLM07").asText()).isEqualTo("tested");

        // the key is random per run; it must appear in no file the run wrote, nor on the console
        assertThat(Files.readString(out.resolve("bulwark.yaml"))).contains("${BULWARK_DEMO_KEY}");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("bwk-demo-");
            }
        }
        assertThat(run.out() + run.err()).doesNotContain("bwk-demo-");
    }
}
