package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import dev.bulwark.report.ReportWriter.ToolInfo;
import dev.bulwark.report.sarif.SarifReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static SchemaCheck officialSchema;

    @TempDir
    Path dir;

    /** The OASIS SARIF 2.1.0 schema; see src/test/resources/sarif/NOTICE.md for where the copy comes from. */
    @BeforeAll
    static void loadSchema() throws IOException {
        officialSchema = SchemaCheck.load(SarifReportWriterTest.class.getResourceAsStream(
                "/sarif/sarif-schema-2.1.0.json"), SpecVersion.VersionFlag.V7);
    }

    private JsonNode written(ToolInfo tool) throws IOException {
        new SarifReportWriter(Fixtures.kb()).write(Fixtures.assessment(), tool, dir);
        return PLAIN.readTree(dir.resolve("findings.sarif").toFile());
    }

    @Test
    void validAgainstTheOfficialSchema() throws IOException {
        assertThat(officialSchema.errors(written(Fixtures.TOOL))).isEmpty();
        assertThat(officialSchema.errors(written(new ToolInfo("bulwark", "1.2.3", "https://example.org/bulwark"))))
                .isEmpty();
    }

    @Test
    void theSchemaCheckBites() throws IOException {
        ObjectNode log = (ObjectNode) written(Fixtures.TOOL);
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        ((ObjectNode) log.at("/runs/0/tool/driver")).remove("name");
        assertThat(officialSchema.errors(log)).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(m -> assertThat(m).contains("level"))
                .anySatisfy(m -> assertThat(m).contains("name"));
    }

    @Test
    void oneRulePerCheckWithTagsAndSecuritySeverity() throws IOException {
        JsonNode driver = written(Fixtures.TOOL).at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("bulwark");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        var ids = new ArrayList<String>();
        driver.get("rules").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).containsExactly("api.cleartext", "api.cors", "api.missing-auth", "llm.prompt-injection",
                "llm.sensitive-data", "llm.system-prompt-leak", "supply.model-file");
        JsonNode injection = driver.get("rules").get(3);
        assertThat(injection.at("/shortDescription/text").asText()).isNotBlank();
        assertThat(injection.at("/fullDescription/text").asText()).contains("CWE-1427", "LLM01");
        assertThat(injection.at("/help/text").asText()).isNotBlank();
        assertThat(texts(injection.at("/properties/tags"))).contains("security", "CWE-1427", "LLM01");
        assertThat(injection.at("/properties/security-severity").asText()).isEqualTo("8.2");
    }

    @Test
    void resultsCarryLevelLocationFingerprintAndMapping() throws IOException {
        JsonNode run = written(Fixtures.TOOL).at("/runs/0");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(5);
        assertThat(texts(results, "level")).containsExactly("error", "error", "error", "warning", "note");
        JsonNode injection = results.get(1);
        assertThat(injection.get("ruleId").asText()).isEqualTo("llm.prompt-injection");
        assertThat(run.at("/tool/driver/rules/" + injection.get("ruleIndex").asInt() + "/id").asText())
                .isEqualTo("llm.prompt-injection");
        assertThat(injection.at("/message/text").asText()).contains("Assistant follows injected instructions", "bot");
        assertThat(injection.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("http://127.0.0.1:8080/v1/chat/completions");
        assertThat(injection.at("/partialFingerprints/bulwark~1v1").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(injection.at("/properties/owaspLlm/0").asText()).isEqualTo("LLM01");
        assertThat(injection.at("/properties/atlas/0").asText()).isEqualTo("AML.T0051.000");
        assertThat(injection.at("/properties/cwe/0").asText()).isEqualTo("CWE-1427");
        assertThat(injection.at("/properties/cvss/vector").asText()).isEqualTo(Fixtures.CVSS_VECTOR);

        JsonNode file = results.get(3).at("/locations/0/physicalLocation");
        assertThat(file.at("/artifactLocation/uri").asText()).isEqualTo("models/my%20model.pkl");
        assertThat(file.at("/region/startLine").asInt()).isEqualTo(3);
    }

    @Test
    void invocationSaysTheRunWasIncompleteAndWhatWasNotTested() throws IOException {
        JsonNode invocation = written(Fixtures.TOOL).at("/runs/0/invocations/0");
        assertThat(invocation.get("executionSuccessful").asBoolean(true)).isFalse();
        assertThat(invocation.at("/toolExecutionNotifications/0/message/text").asText())
                .contains("llm.system-prompt-leak", "bot", "HTTP 429");
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
