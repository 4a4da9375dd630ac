package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.kb.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bulwark demo` end to end, as the acceptance list of issue 2 states it. */
class DemoCommandTest {
    @TempDir
    static Path out;
    static CliRun run;
    static JsonNode findings;

    @BeforeAll
    static void runDemo() throws Exception {
        run = CliRun.of("demo", "--out", out.toString(), "--no-progress");
        findings = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
    }

    @Test
    void exitsZeroAndPrintsTheSummaryAndReportPath() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Threat scenarios", "Fix first", "report.html", "simulated");
    }

    @Test
    void writesEveryReportFormatAndTheScope() {
        for (String f : List.of("findings.json", "report.html", "findings.sarif", "summary.md", "junit.xml", "bulwark.yaml")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
    }

    @Test
    void findingsFollowTheSchemaAndIncludeAPromptInjection() {
        assertThat(findings.path("schema").asText()).isEqualTo("bulwark/findings/v1");
        assertThat(findings.path("engagement").path("requests").asInt()).isPositive();
        assertThat(findings.path("findings").size()).isGreaterThanOrEqualTo(5);
        assertThat(findings.path("scenarios").size()).isGreaterThanOrEqualTo(1);
        List<String> cwes = new ArrayList<>();
        findings.path("findings").forEach(f -> f.path("cwe").forEach(c -> cwes.add(c.asText())));
        assertThat(cwes).contains("CWE-1427");
    }

    @Test
    void everyMappedIdIsWellFormedAndInTheBundledCatalogs() {
        var kb = KnowledgeBase.bundled();
        List<String> ids = new ArrayList<>();
        findings.path("findings").forEach(f -> {
            f.path("cwe").forEach(c -> ids.add(c.asText()));
            f.path("owaspLlm").forEach(c -> ids.add(c.asText()));
            f.path("atlas").forEach(c -> ids.add(c.asText()));
        });
        findings.path("scenarios").forEach(s -> s.path("path").forEach(c -> ids.add(c.asText())));
        assertThat(ids).isNotEmpty().allSatisfy(id -> {
            assertThat(id).matches("CWE-\\d+|LLM\\d\\d|AML\\.T\\d{4}(\\.\\d{3})?");
            assertThat(kb.knows(id)).as(id).isTrue();
        });
    }

    @Test
    void evidenceNeverCarriesTheDemoSecretInFull() throws Exception {
        String json = Files.readString(out.resolve("findings.json"));
        String html = Files.readString(out.resolve("report.html"));
        String secret = dev.bulwark.cli.demo.SystemPrompt.VENDOR_API_KEY;
        assertThat(json).doesNotContain(secret);
        assertThat(html).doesNotContain(secret);
    }

    @Test
    void failOnHighTurnsHighFindingsIntoExitOne(@TempDir Path other) {
        var strict = CliRun.of("demo", "--out", other.toString(), "--no-progress", "--fail-on", "high", "--format", "json");
        assertThat(strict.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(other.resolve("report.html")).doesNotExist();
        assertThat(other.resolve("findings.json")).isRegularFile();
    }
}
