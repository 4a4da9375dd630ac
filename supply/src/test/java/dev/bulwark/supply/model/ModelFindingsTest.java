package dev.bulwark.supply.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.KnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFindingsTest {
    private static final String SHA = "ab".repeat(32);

    private static ScannedFile file(ModelIssue... issues) {
        return new ScannedFile(Path.of("models/m.pt"), SHA, 1234, ScannedFile.Status.SCANNED,
                List.of("zip", "pytorch-zip", "pickle"), List.of(issues));
    }

    @Test
    void aDangerousCallNamesFileEntryOffsetCallableAndHash() {
        var issue = new ModelIssue(IssueKind.DANGEROUS_CALL, Severity.CRITICAL, "archive/data.pkl", 28, "posix.system",
                "calls posix.system when unpickled");
        Finding f = KnowledgeBase.bundled().map(ModelFindings.of(file(issue), false).get(0));
        assertThat(f.check()).isEqualTo(ModelFindings.CODE_EXECUTION);
        assertThat(f.weakness()).isEqualTo(WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.cwe()).contains("CWE-502", "CWE-94");
        assertThat(f.owaspLlm()).contains("LLM03");
        assertThat(f.atlas()).contains("AML.T0010.003", "AML.T0011.000");
        assertThat(f.location().path()).isEqualTo(Path.of("models/m.pt").toString());
        assertThat(f.location().entry()).isEqualTo("archive/data.pkl");
        assertThat(f.location().offset()).isEqualTo(28L);
        assertThat(f.title()).contains("posix.system");
        assertThat(f.evidence().request()).contains("sha256 " + SHA);
        assertThat(f.evidence().samples()).anySatisfy(s -> assertThat(s).contains(SHA));
    }

    @Test
    void notVerifiedIsItsOwnCheckAndKeepsItsSeverityThroughTheKnowledgeBase() {
        var issue = new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "unknown format", "claims a model");
        Finding f = KnowledgeBase.bundled().map(ModelFindings.of(file(issue), false).get(0));
        assertThat(f.check()).isEqualTo(ModelFindings.NOT_VERIFIED);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.location().entry()).isNull();
        assertThat(f.location().offset()).isNull();
    }

    @Test
    void strictRaisesSuspiciousCallsToHighOnly() {
        var suspicious = new ModelIssue(IssueKind.SUSPICIOUS_CALL, Severity.MEDIUM, "", 3, "mylib.helper", "unknown");
        var notVerified = new ModelIssue(IssueKind.NOT_VERIFIED, Severity.MEDIUM, "", -1, "x", "y");
        var kb = KnowledgeBase.bundled();
        assertThat(kb.map(ModelFindings.of(file(suspicious), false).get(0)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(kb.map(ModelFindings.of(file(suspicious), true).get(0)).severity()).isEqualTo(Severity.HIGH);
        assertThat(kb.map(ModelFindings.of(file(notVerified), true).get(0)).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void everySeverityHasAVectorScoringInItsBand() {
        for (Severity s : Severity.values()) assertThat(SeverityVectors.of(s).severity()).as(s.label()).isEqualTo(s);
    }
}
