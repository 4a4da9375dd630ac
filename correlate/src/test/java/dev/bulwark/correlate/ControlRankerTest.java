package dev.bulwark.correlate;

import static dev.bulwark.core.WeaknessClass.CLEARTEXT_TRANSPORT;
import static dev.bulwark.core.WeaknessClass.MISSING_AUTHENTICATION;
import static dev.bulwark.core.WeaknessClass.MODEL_EXTRACTION_EXPOSURE;
import static dev.bulwark.core.WeaknessClass.PERMISSIVE_CORS;
import static dev.bulwark.core.WeaknessClass.SECRETS_EXPOSED;
import static dev.bulwark.core.WeaknessClass.UNBOUNDED_CONSUMPTION;
import static dev.bulwark.core.WeaknessClass.VERBOSE_ERRORS;
import static dev.bulwark.correlate.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Cvss;
import dev.bulwark.core.Finding;
import dev.bulwark.kb.Control;
import dev.bulwark.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

class ControlRankerTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @Test
    void controlsBreakingMoreScenariosRankFirstThenMoreFindingsThenWorseSeverity() {
        // denial of wallet + model extraction both on "api"; missing auth joins both; hygiene findings join none.
        var run = Fixtures.run(finding(UNBOUNDED_CONSUMPTION, "api"), finding(MISSING_AUTHENTICATION, "api"),
                finding(MODEL_EXTRACTION_EXPOSURE, "api"), finding(VERBOSE_ERRORS, "faq"), finding(VERBOSE_ERRORS, "bot"),
                finding(PERMISSIVE_CORS, "faq"), finding(CLEARTEXT_TRANSPORT, "faq"));
        Assessment a = new Correlator(kb, Fixtures.scope()).correlate(run);

        assertThat(a.scenarios()).extracting(Scenario::title).containsExactlyInAnyOrder("Denial of wallet", "Model extraction");
        var controls = a.controls();
        assertThat(controls).extracting(RankedControl::rank).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, controls.size()).boxed().toArray(Integer[]::new));

        // authentication (missing auth + extraction) and rate-limiting (unbounded + extraction) each break 2
        // scenarios through 2 findings; authentication includes a high finding (missing auth, 7.3), rate-limiting's
        // worst is medium. Input filtering breaks one.
        assertThat(controls.subList(0, 3)).extracting(RankedControl::control)
                .containsExactly("authentication", "rate-limiting", "input-filtering");
        assertThat(controls.get(0).scenarios()).hasSize(2);
        assertThat(controls.get(0).breaks()).hasSize(2);
        RankedControl errors = byId(a, "error-handling");
        RankedControl cors = byId(a, "cors-policy");
        RankedControl tls = byId(a, "tls");
        assertThat(errors.scenarios()).isEmpty();
        assertThat(errors.findings()).hasSize(2);
        assertThat(errors.rank()).as("two findings beat one").isLessThan(cors.rank());
        assertThat(cors.rank()).as("cors 6.5 and tls 6.5 tie on severity; id decides").isLessThan(tls.rank());
        assertThat(byId(a, "extraction-monitoring").rank()).isGreaterThan(byId(a, "rate-limiting").rank());
    }

    @Test
    void detectiveControlsDoNotBreakScenariosAndRankAfterEveryPreventiveOne() {
        var run = Fixtures.run(finding(UNBOUNDED_CONSUMPTION, "api"), finding(MISSING_AUTHENTICATION, "api"),
                finding(MODEL_EXTRACTION_EXPOSURE, "api"), finding(VERBOSE_ERRORS, "faq"), finding(CLEARTEXT_TRANSPORT, "faq"));
        Assessment a = new Correlator(kb, Fixtures.scope()).correlate(run);

        // the audit log is named by both scenarios and by two findings, more than any other control, yet it only
        // notices the attacks: it comes after the controls that fix something, even one that breaks no scenario
        RankedControl audit = byId(a, "audit-logging");
        assertThat(audit.kind()).isEqualTo(Control.Kind.DETECTIVE);
        assertThat(audit.effect()).isEqualTo(RankedControl.Effect.DETECTS);
        assertThat(audit.scenarios()).hasSize(2);
        assertThat(audit.breaks()).isEmpty();
        assertThat(audit.findings()).hasSize(2);
        assertThat(audit.rank()).isGreaterThan(byId(a, "tls").rank()).isGreaterThan(byId(a, "error-handling").rank());
        // between detective controls, naming more scenarios comes first
        RankedControl monitoring = byId(a, "extraction-monitoring");
        assertThat(monitoring.scenarios()).hasSize(1);
        assertThat(monitoring.rank()).isGreaterThan(audit.rank());
        assertThat(a.controls()).allSatisfy(c -> assertThat(c.breaks())
                .isEqualTo(c.kind() == Control.Kind.PREVENTIVE ? c.scenarios() : java.util.List.of()));
        // the preventive ones in front, in the order of what they break
        assertThat(a.controls()).extracting(RankedControl::kind)
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
    }

    @Test
    void titleAndFeatureComeFromTheControlsCatalog() {
        var a = new Correlator(kb, Fixtures.scope()).correlate(Fixtures.run(finding(MISSING_AUTHENTICATION, "api")));
        RankedControl auth = byId(a, "authentication");
        assertThat(auth.title()).isEqualTo(kb.control("authentication").orElseThrow().title());
        assertThat(auth.bulwarkFeature()).isEqualTo("bulwark guard: auth");
        assertThat(auth.findings()).containsExactly("F-0001");
    }

    @Test
    void worseSeverityBreaksTiesBetweenEqualCounts() {
        // verbose errors given a high score vs a permissive CORS policy (6.5 medium); no scenario, one finding and
        // one preventive control each: the high one ranks first although its id sorts later
        var errors = Finding.builder("test.verbose-errors", VERBOSE_ERRORS).title("stack trace").target("faq")
                .cvss(new Cvss("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5)).build();
        var a = new Correlator(kb, Fixtures.scope()).correlate(Fixtures.run(finding(PERMISSIVE_CORS, "faq"), errors));
        assertThat(a.scenarios()).isEmpty();
        assertThat(a.controls()).extracting(RankedControl::control).containsExactly("error-handling", "cors-policy");
    }

    @Test
    void keepingSecretsOutOfConfigsIsPreventiveAndRanksBySeverity() {
        // verbose errors (5.3 medium, error handling) vs a secret in a config (8.1 high, secrets management): both
        // preventive and neither breaks a scenario, so the worse finding's control comes first
        var a = new Correlator(kb, Fixtures.scope()).correlate(Fixtures.run(finding(VERBOSE_ERRORS, "faq"),
                finding(SECRETS_EXPOSED, "helper")));
        assertThat(a.scenarios()).isEmpty();
        assertThat(a.controls()).extracting(RankedControl::control).containsExactly("secrets-management", "error-handling");
        assertThat(a.controls()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(dev.bulwark.kb.Control.Kind.PREVENTIVE));
    }

    private static RankedControl byId(Assessment a, String id) {
        return a.controls().stream().filter(c -> c.control().equals(id)).findFirst().orElseThrow();
    }
}
