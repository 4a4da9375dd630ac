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

        // audit-logging (unbounded + missing auth), authentication (missing auth + extraction) and rate-limiting
        // (unbounded + extraction) each break 2 scenarios through 2 findings; the first two include a high
        // finding (missing auth, 7.3) and tie on id order, rate-limiting's worst is medium.
        assertThat(controls.subList(0, 3)).extracting(RankedControl::control)
                .containsExactly("audit-logging", "authentication", "rate-limiting");
        assertThat(controls.get(0).scenarios()).hasSize(2);
        RankedControl errors = byId(a, "error-handling");
        RankedControl cors = byId(a, "cors-policy");
        RankedControl tls = byId(a, "tls");
        assertThat(errors.scenarios()).isEmpty();
        assertThat(errors.findings()).hasSize(2);
        assertThat(errors.rank()).as("two findings beat one").isLessThan(cors.rank());
        assertThat(cors.rank()).as("cors 6.5 and tls 6.5 tie on severity; id decides").isLessThan(tls.rank());
        assertThat(byId(a, "extraction-monitoring").rank()).isGreaterThan(byId(a, "rate-limiting").rank())
                .isLessThan(errors.rank());
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
        // verbose errors (5.3 medium) vs a secret in a config (8.1 high); no scenario, one finding each: the
        // high one ranks first although its id sorts later
        var a = new Correlator(kb, Fixtures.scope()).correlate(Fixtures.run(finding(VERBOSE_ERRORS, "faq"),
                finding(SECRETS_EXPOSED, "helper")));
        assertThat(a.scenarios()).isEmpty();
        assertThat(a.controls()).extracting(RankedControl::control).containsExactly("secrets-management", "error-handling");
    }

    private static RankedControl byId(Assessment a, String id) {
        return a.controls().stream().filter(c -> c.control().equals(id)).findFirst().orElseThrow();
    }
}
