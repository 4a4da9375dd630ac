package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Risk;
import dev.bulwark.report.json.FindingsDocument;
import dev.bulwark.report.json.JsonReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsJsonTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode written() throws IOException {
        new JsonReportWriter().write(Fixtures.assessment(), Fixtures.TOOL, dir);
        return PLAIN.readTree(dir.resolve("findings.json").toFile());
    }

    @Test
    void topLevelFollowsTheDesignSchemaInOrder() throws IOException {
        JsonNode root = written();
        assertThat(root.fieldNames()).toIterable()
                .containsExactly("schema", "tool", "engagement", "summary", "findings", "scenarios", "coverage");
        assertThat(root.get("schema").asText()).isEqualTo("bulwark/findings/v1");
        assertThat(root.at("/tool/name").asText()).isEqualTo("bulwark");
        assertThat(root.at("/engagement/name").asText()).isEqualTo("Molly's Bakery <support bot>");
        assertThat(root.at("/engagement/startedAt").asText()).isEqualTo("2025-05-01T09:00:00Z");
        assertThat(root.at("/engagement/requests").asLong()).isEqualTo(812);
        assertThat(root.at("/engagement/complete").asBoolean(true)).isFalse();
        assertThat(root.get("summary").toString())
                .isEqualTo("{\"critical\":1,\"high\":2,\"medium\":1,\"low\":1,\"info\":0}");
    }

    @Test
    void findingFieldsUseLabelsAndOmitUnknownLocationParts() throws IOException {
        JsonNode f = written().at("/findings/1");
        assertThat(f.fieldNames()).toIterable().containsExactly("id", "fingerprint", "check", "title", "severity",
                "confidence", "cvss", "cwe", "cve", "owaspLlm", "atlas", "target", "assets", "location", "evidence",
                "description", "remediation", "controls", "references");
        assertThat(f.get("id").asText()).isEqualTo("F-0002");
        assertThat(f.get("fingerprint").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(f.get("severity").asText()).isEqualTo("high");
        assertThat(f.get("confidence").asText()).isEqualTo("firm");
        assertThat(f.get("cvss").toString()).isEqualTo(
                "{\"version\":\"3.1\",\"vector\":\"" + Fixtures.CVSS_VECTOR + "\",\"score\":8.2}");
        assertThat(f.get("cwe").toString()).isEqualTo("[\"CWE-1427\"]");
        assertThat(f.get("owaspLlm").toString()).isEqualTo("[\"LLM01\"]");
        assertThat(f.get("location").toString()).isEqualTo("{\"url\":\"http://127.0.0.1:8080/v1/chat/completions\"}");
        assertThat(f.at("/evidence/attempts").asInt()).isEqualTo(12);
        assertThat(f.at("/evidence/successes").asInt()).isEqualTo(5);
        assertThat(f.at("/evidence/response").asText()).isEqualTo(Fixtures.HOSTILE_RESPONSE);
        assertThat(f.at("/evidence/samples/0").asText()).contains("CANARY");
    }

    @Test
    void fileLocationsKeepEveryKnownPartAndEmptySamplesAreLeftOut() throws IOException {
        JsonNode root = written();
        assertThat(root.at("/findings/3/location").toString()).isEqualTo(
                "{\"path\":\"models/my model.pkl\",\"entry\":\"archive/data.pkl\",\"offset\":28,\"line\":3}");
        assertThat(root.at("/findings/3/cvss").isNull()).isTrue();
        assertThat(root.at("/findings/3/evidence").has("samples")).isFalse();
        // a check's named measurements are fields of the evidence object, typed as JSON
        assertThat(root.at("/findings/3/evidence/opcodes").isInt()).isTrue();
        assertThat(root.at("/findings/3/evidence/callables/0").asText()).isEqualTo("os.system");
        assertThat(root.at("/findings/4/evidence").toString())
                .isEqualTo("{\"attempts\":0,\"successes\":0,\"request\":null,\"response\":null}");
    }

    @Test
    void maskedPiiIsWrittenAsMaskedNeverInClear() throws IOException {
        String text = Files.readString(writtenPath());
        assertThat(text).contains(Fixtures.MASKED_EMAIL).doesNotContain("jane.doe@example.com");
    }

    private Path writtenPath() throws IOException {
        new JsonReportWriter().write(Fixtures.assessment(), Fixtures.TOOL, dir);
        return dir.resolve("findings.json");
    }

    @Test
    void scenariosAndCoverageAreWritten() throws IOException {
        JsonNode root = written();
        JsonNode s = root.at("/scenarios/0");
        assertThat(s.fieldNames()).toIterable().startsWith("id", "title", "findings", "path", "impact",
                "likelihood", "risk", "controls");
        assertThat(s.get("impact").asText()).isEqualTo("high");
        assertThat(s.get("risk").asText()).isEqualTo("immediate");
        assertThat(s.get("path").toString()).isEqualTo("[\"AML.T0040\",\"AML.T0051.000\",\"AML.T0057\"]");
        assertThat(root.at("/coverage/owaspLlm").fieldNames()).toIterable()
                .containsExactly("LLM01", "LLM02", "LLM03", "LLM04", "LLM05", "LLM06", "LLM07", "LLM08", "LLM09",
                        "LLM10");
        assertThat(root.at("/coverage/owaspLlm/LLM04").asText()).isEqualTo("not tested");
        assertThat(root.at("/coverage/checks").asInt()).isEqualTo(7);
        assertThat(root.at("/coverage/notTested/0").toString()).contains("\"check\":\"llm.system-prompt-leak\"",
                "\"target\":\"bot\"", "HTTP 429");
    }

    @Test
    void roundTripGivesTheSameTypedDocument() throws IOException {
        Path file = writtenPath();
        FindingsDocument read = FindingsJson.read(file);
        assertThat(read).isEqualTo(FindingsJson.toDocument(Fixtures.assessment(), Fixtures.TOOL));
        assertThat(read.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(read.scenarios().get(1).risk()).isEqualTo(Risk.PLAN);
        assertThat(read.engagement().complete()).isFalse();
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        writtenPath();
        writtenPath();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("findings.json");
        }
    }

    @Test
    void aFailingWriteKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void unknownFieldsFromLaterWritersAreIgnored() throws IOException {
        ObjectNode root = (ObjectNode) written();
        root.put("futureField", 1);
        ((ObjectNode) root.at("/findings/0")).put("triage", "accepted");
        Path file = dir.resolve("later.json");
        PLAIN.writeValue(file.toFile(), root);
        assertThat(FindingsJson.read(file).findings()).hasSize(5);
    }

    @Test
    void badFilesAreRejectedNamingFileAndField() throws IOException {
        assertRejected("{\"schema\": \"bulwark/findings/v1\", \"findings\": [", "not valid JSON", "line 1");
        assertRejected("[]", "expected a JSON object");
        assertRejected("{\"findings\": []}", "schema: missing");
        assertRejected("{\"schema\": \"other/v9\", \"findings\": []}", "schema: expected \"bulwark/findings/v1\"");
        assertRejected("{\"schema\": \"bulwark/findings/v1\"}", "findings: missing");
        assertRejected(withFinding(f -> f.remove("fingerprint")), "findings[0].fingerprint: missing");
        assertRejected(withFinding(f -> f.put("severity", "urgent")), "findings[0].severity",
                "unknown severity 'urgent'", "critical, high, medium, low, info");
        assertRejected(withFinding(f -> f.put("confidence", "maybe")), "findings[0].confidence");
        assertRejected(withFinding(f -> f.putObject("cvss").put("version", "3.1").put("vector", "x")
                .put("score", 11.0)), "findings[0].cvss", "out of range");
        assertRejected("", "empty file");
    }

    @Test
    void duplicateFingerprintsAreRejected() throws IOException {
        ObjectNode root = (ObjectNode) written();
        String fp = root.at("/findings/0/fingerprint").asText();
        ((ObjectNode) root.at("/findings/1")).put("fingerprint", fp);
        assertRejected(PLAIN.writeValueAsString(root), "findings[1].fingerprint: same as findings[0]");
    }

    @Test
    void missingFileAndHostileNestingAreCleanErrors() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> FindingsJson.read(missing))
                .isInstanceOf(FindingsFileException.class)
                .hasMessageContaining("nope.json: no such file");
        String deep = "{\"schema\":\"bulwark/findings/v1\",\"findings\":[],\"x\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}";
        assertRejected(deep, "not valid JSON", "nesting depth");
    }

    private String withFinding(java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) written();
        change.accept((ObjectNode) root.at("/findings/0"));
        return PLAIN.writeValueAsString(root);
    }

    private void assertRejected(String content, String... messageParts) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);
        assertThatThrownBy(() -> FindingsJson.read(file))
                .isInstanceOf(FindingsFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void theContractFieldListsMatchDesign() {
        // A deliberate reminder: changing these breaks every consumer of findings v1.
        assertThat(List.of(FindingsDocument.class.getRecordComponents()).stream().map(c -> c.getName()).toList())
                .containsExactly("schema", "tool", "engagement", "summary", "findings", "scenarios", "coverage");
    }
}
