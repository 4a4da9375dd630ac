package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.report.json.JsonReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {
    @TempDir
    Path dir;

    private Path write(String name, Assessment assessment) throws IOException {
        Path out = dir.resolve(name);
        new JsonReportWriter().write(assessment, Fixtures.TOOL, out);
        return out;
    }

    /** The fixture with F-0001 fixed, F-0003 raised to critical, and a new finding. */
    private static Assessment later() {
        Assessment a = Fixtures.assessment();
        var findings = new ArrayList<Finding>();
        for (Finding f : a.findings()) {
            if (f.id().equals("F-0001")) continue;
            findings.add(f.id().equals("F-0003") ? raise(f) : f);
        }
        findings.add(Finding.builder("api.cors", dev.bulwark.core.WeaknessClass.PERMISSIVE_CORS)
                .title("CORS reflects any origin with credentials").target("form").severity(Severity.MEDIUM)
                .build().withId("F-0006"));
        return new Assessment(a.run().withFindings(findings), findings, a.scenarios(), a.controls(),
                a.owaspCoverage());
    }

    private static Finding raise(Finding f) {
        return new Finding(f.id(), f.fingerprint(), f.check(), f.weakness(), f.title(), Severity.CRITICAL,
                f.confidence(), f.cvss(), f.cwe(), f.cve(), f.owaspLlm(), f.atlas(), f.target(), f.assets(),
                f.location(), f.evidence(), f.description(), f.remediation(), f.controls(), f.references());
    }

    @Test
    void fixedNewUnchangedAndSeverityChangesByFingerprint() throws IOException {
        Path before = write("before", Fixtures.assessment());
        Path after = write("after", later());
        DiffResult diff = RunDiff.diff(before.resolve("findings.json"), after.resolve("findings.json"));
        assertThat(diff.fixed()).extracting(DiffResult.Item::id).containsExactly("F-0001");
        assertThat(diff.added()).extracting(DiffResult.Item::id).containsExactly("F-0006");
        assertThat(diff.unchanged()).extracting(DiffResult.Item::id)
                .containsExactly("F-0002", "F-0003", "F-0004", "F-0005");
        assertThat(diff.severityChanged()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("F-0003");
            assertThat(c.from()).isEqualTo(Severity.HIGH);
            assertThat(c.to()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(diff.hasNew()).isTrue();
    }

    @Test
    void reportFoldersAreAcceptedAndTheSameRunHasNoChange() throws IOException {
        Path run = write("run", Fixtures.assessment());
        DiffResult diff = RunDiff.diff(run, run);
        assertThat(diff.fixed()).isEmpty();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.unchanged()).hasSize(5);
        assertThat(diff.severityChanged()).isEmpty();
        assertThat(diff.hasNew()).isFalse();
        assertThat(diff.oldFile()).endsWith("findings.json");
    }

    @Test
    void plainTextAndJsonRenderings() throws IOException {
        DiffResult diff = RunDiff.diff(write("a", Fixtures.assessment()), write("b", later()));
        String text = diff.toText();
        assertThat(text).contains("1 fixed, 1 new, 4 unchanged, 1 changed severity")
                .contains("  - F-0001 [critical] Model API answers without authentication (form, api.missing-auth)")
                .contains("  + F-0006 [medium] CORS reflects any origin with credentials (form, api.cors)")
                .contains("  ~ F-0003 high -> critical");
        assertThat(text).doesNotContain("\u0001");
        JsonNode json = new ObjectMapper().readTree(diff.toJson());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("oldFile", "newFile", "fixed", "new", "unchanged", "severityChanged");
        assertThat(json.at("/new/0/id").asText()).isEqualTo("F-0006");
        assertThat(json.at("/fixed/0/severity").asText()).isEqualTo("critical");
        assertThat(json.at("/severityChanged/0/to").asText()).isEqualTo("critical");
    }

    @Test
    void aBadInputNamesTheFile() throws IOException {
        Path good = write("good", Fixtures.assessment());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"bulwark/findings/v0\", \"findings\": []}");
        assertThatThrownBy(() -> RunDiff.diff(good, bad))
                .isInstanceOf(FindingsFileException.class)
                .hasMessageContaining("bad.json: schema: expected");
        Path emptyFolder = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> RunDiff.diff(emptyFolder, good))
                .isInstanceOf(FindingsFileException.class)
                .hasMessageContaining("findings.json: no such file");
        assertThat(List.of(good)).isNotEmpty();
    }
}
