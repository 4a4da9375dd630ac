package dev.bulwark.correlate;

import static dev.bulwark.core.Confidence.CONFIRMED;
import static dev.bulwark.core.Confidence.FIRM;
import static dev.bulwark.core.Confidence.TENTATIVE;
import static dev.bulwark.core.WeaknessClass.DIRECT_PROMPT_INJECTION;
import static dev.bulwark.core.WeaknessClass.MISSING_AUTHENTICATION;
import static dev.bulwark.core.WeaknessClass.SYSTEM_PROMPT_LEAKAGE;
import static dev.bulwark.core.WeaknessClass.VULNERABLE_DEPENDENCY;
import static dev.bulwark.correlate.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.Asset;
import dev.bulwark.kb.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @Test
    void impactFollowsTheMostSensitiveAsset() {
        assertThat(ImpactRating.of(List.of(Fixtures.CUSTOMERS))).isEqualTo(Level.HIGH);
        assertThat(ImpactRating.of(List.of(Fixtures.MODEL_API))).isEqualTo(Level.HIGH);
        assertThat(ImpactRating.of(List.of(Fixtures.HANDBOOK))).isEqualTo(Level.MEDIUM);
        assertThat(ImpactRating.of(List.of(Fixtures.BROCHURE))).isEqualTo(Level.LOW);
        assertThat(ImpactRating.of(List.<Asset>of())).isEqualTo(Level.MEDIUM);
        assertThat(ImpactRating.of(List.of(Fixtures.BROCHURE, Fixtures.CUSTOMERS, Fixtures.HANDBOOK))).isEqualTo(Level.HIGH);
    }

    @Test
    void likelihoodFromProofSuccessRateAndAuthentication() {
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", CONFIRMED, 10, 6))).isEqualTo(Level.HIGH);
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", CONFIRMED, 10, 3))).isEqualTo(Level.MEDIUM);
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", CONFIRMED, 10, 3),
                finding(MISSING_AUTHENTICATION, "bot", FIRM, 1, 0))).as("no auth raises it").isEqualTo(Level.HIGH);
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", CONFIRMED, 20, 1))).as("rarely works").isEqualTo(Level.LOW);
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", FIRM, 1, 1))).isEqualTo(Level.MEDIUM);
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", TENTATIVE, 5, 5))).isEqualTo(Level.LOW);
        assertThat(likelihood(finding(SYSTEM_PROMPT_LEAKAGE, "bot", TENTATIVE, 0, 0))).isEqualTo(Level.LOW);
    }

    @Test
    void aKnownExploitedCveRaisesLikelihood() {
        Finding plain = Finding.builder("deps.osv", VULNERABLE_DEPENDENCY).title("git").target("bare")
                .confidence(TENTATIVE).cve(List.of("CVE-1999-0000")).build();
        Finding kev = Finding.builder("deps.osv", VULNERABLE_DEPENDENCY).title("git").target("bare")
                .confidence(TENTATIVE).cve(List.of("CVE-2025-48384")).build();
        assertThat(likelihood(plain)).isEqualTo(Level.LOW);
        assertThat(likelihood(kev)).isEqualTo(Level.MEDIUM);
    }

    private Level likelihood(Finding... findings) {
        return LikelihoodRating.of(List.of(findings), kb);
    }

    /** The four quadrants, end to end: asset classification × exploitability → risk of the scenario. */
    @ParameterizedTest
    @CsvSource({
            "bot, CONFIRMED, 10, 8, HIGH, HIGH, IMMEDIATE",
            "bot, TENTATIVE, 10, 1, HIGH, LOW, PLAN",
            "helper, FIRM, 10, 3, MEDIUM, LOW, PLAN",
            "faq, CONFIRMED, 10, 8, LOW, HIGH, ACCEPT_AND_MONITOR",
            "faq, FIRM, 10, 1, LOW, LOW, DOCUMENT",
            "bare, CONFIRMED, 4, 4, MEDIUM, HIGH, IMMEDIATE",
    })
    void riskQuadrants(String target, dev.bulwark.core.Confidence confidence, int attempts, int successes,
                       Level impact, Level likelihood, Risk risk) {
        var run = Fixtures.run(finding(SYSTEM_PROMPT_LEAKAGE, target, confidence, attempts, successes));
        Scenario s = new Correlator(kb, Fixtures.scope()).correlate(run).scenarios().getFirst();
        assertThat(s.impact()).isEqualTo(impact);
        assertThat(s.likelihood()).isEqualTo(likelihood);
        assertThat(s.risk()).isEqualTo(risk);
    }

    @Test
    void injectionJoinsAndRaisesTheExfiltrationScenario() {
        var run = Fixtures.run(finding(DIRECT_PROMPT_INJECTION, "bot", CONFIRMED, 10, 3),
                finding(SYSTEM_PROMPT_LEAKAGE, "bot", CONFIRMED, 10, 3), finding(MISSING_AUTHENTICATION, "bot"));
        var scenarios = new Correlator(kb, Fixtures.scope()).correlate(run).scenarios();
        assertThat(scenarios).extracting(Scenario::title).contains("Customer data exfiltration through the assistant");
        assertThat(scenarios).allSatisfy(s -> assertThat(s.risk()).isEqualTo(Risk.IMMEDIATE));
    }
}
