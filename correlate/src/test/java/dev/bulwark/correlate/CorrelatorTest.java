package dev.bulwark.correlate;

import static dev.bulwark.core.WeaknessClass.CLEARTEXT_TRANSPORT;
import static dev.bulwark.core.WeaknessClass.DIRECT_PROMPT_INJECTION;
import static dev.bulwark.core.WeaknessClass.MISSING_AUTHENTICATION;
import static dev.bulwark.core.WeaknessClass.PERMISSIVE_CORS;
import static dev.bulwark.core.WeaknessClass.SENSITIVE_DATA_IN_OUTPUT;
import static dev.bulwark.core.WeaknessClass.SYSTEM_PROMPT_LEAKAGE;
import static dev.bulwark.core.WeaknessClass.VERBOSE_ERRORS;
import static dev.bulwark.correlate.Fixtures.checkRun;
import static dev.bulwark.correlate.Fixtures.finding;
import static dev.bulwark.correlate.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.kb.CvssScorer;
import dev.bulwark.kb.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelatorTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();
    private final Correlator correlator = new Correlator(kb, Fixtures.scope());

    @Test
    void findingsAreMappedThroughTheKnowledgeBase() {
        Assessment a = correlator.correlate(run(finding(SYSTEM_PROMPT_LEAKAGE, "bot")));
        Finding f = a.findings().getFirst();
        assertThat(f.cwe()).containsExactly("CWE-200");
        assertThat(f.owaspLlm()).containsExactly("LLM07");
        assertThat(f.cvss()).isEqualTo(kb.profile(SYSTEM_PROMPT_LEAKAGE).cvss());
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.run().findings()).isEqualTo(a.findings());
    }

    @Test
    void sameFingerprintBecomesOneFindingWithSummedEvidenceAndHighestSeverity() {
        Finding loopback = Finding.builder("api.cleartext", CLEARTEXT_TRANSPORT).title("plain http").target("bot")
                .cvss(CvssScorer.score("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N"))
                .confidence(Confidence.CONFIRMED).evidence(new Evidence(12, 5, "a", "first", List.of())).build();
        Finding plain = Finding.builder("api.cleartext", CLEARTEXT_TRANSPORT).title("plain http").target("bot")
                .confidence(Confidence.TENTATIVE).evidence(new Evidence(8, 3, "b", "second", List.of())).build();
        assertThat(loopback.fingerprint()).isEqualTo(plain.fingerprint());
        Finding other = Finding.builder("api.cleartext", CLEARTEXT_TRANSPORT).title("plain http").target("bot2").build();

        Assessment a = correlator.correlate(run(loopback, plain, other));

        assertThat(a.findings()).hasSize(2);
        Finding merged = a.findings().stream().filter(f -> f.target().equals("bot")).findFirst().orElseThrow();
        assertThat(merged.evidence().attempts()).isEqualTo(20);
        assertThat(merged.evidence().successes()).isEqualTo(8);
        assertThat(merged.severity()).as("the profile's medium beats the loopback low").isEqualTo(Severity.MEDIUM);
        assertThat(merged.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(merged.evidence().samples()).contains("first");
    }

    @Test
    void findingsAreOrderedMostSevereFirstAndNumbered() {
        Finding cors = finding(PERMISSIVE_CORS, "bot");                // 6.5 medium
        Finding errors = finding(VERBOSE_ERRORS, "bot");               // 5.3 medium
        Finding leakB = finding(SYSTEM_PROMPT_LEAKAGE, "bot2");        // 7.5 high
        Finding leakA = finding(SYSTEM_PROMPT_LEAKAGE, "bot");         // 7.5 high, same check: target decides
        Finding auth = finding(MISSING_AUTHENTICATION, "faq");         // 7.3 high
        Finding pii = finding(SENSITIVE_DATA_IN_OUTPUT, "bot");        // 7.5 high, check id sorts before the leak's

        Assessment a = correlator.correlate(run(cors, errors, leakB, leakA, auth, pii));

        assertThat(a.findings()).extracting(Finding::id)
                .containsExactly("F-0001", "F-0002", "F-0003", "F-0004", "F-0005", "F-0006");
        assertThat(a.findings()).extracting(f -> f.weakness() + "@" + f.target()).containsExactly(
                "SENSITIVE_DATA_IN_OUTPUT@bot", "SYSTEM_PROMPT_LEAKAGE@bot", "SYSTEM_PROMPT_LEAKAGE@bot2",
                "MISSING_AUTHENTICATION@faq", "PERMISSIVE_CORS@bot", "VERBOSE_ERRORS@bot");
    }

    @Test
    void owaspCoverageCountsOnlyRunsThatTested() {
        var runResult = run(List.of(), checkRun(DIRECT_PROMPT_INJECTION, Coverage.TESTED),
                checkRun(SYSTEM_PROMPT_LEAKAGE, Coverage.NOT_TESTED), checkRun(MISSING_AUTHENTICATION, Coverage.TESTED));

        var coverage = correlator.correlate(runResult).owaspCoverage();

        assertThat(coverage.keySet()).containsExactly("LLM01", "LLM02", "LLM03", "LLM04", "LLM05", "LLM06", "LLM07",
                "LLM08", "LLM09", "LLM10");
        assertThat(coverage.get("LLM01")).isEqualTo("tested");
        assertThat(coverage.get("LLM07")).isEqualTo("not tested");
        assertThat(coverage.values()).filteredOn("tested"::equals).hasSize(1);
    }

    @Test
    void anEmptyRunGivesAnEmptyAssessment() {
        Assessment a = correlator.correlate(run());
        assertThat(a.findings()).isEmpty();
        assertThat(a.scenarios()).isEmpty();
        assertThat(a.controls()).isEmpty();
        assertThat(a.owaspCoverage()).hasSize(10).containsValue("not tested").doesNotContainValue("tested");
    }
}
