package dev.bulwark.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.CatalogEntry.Catalog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every weakness class: its profile exists, names only catalogued ids and controls, and its vector scores. */
class MappingConformanceTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @ParameterizedTest
    @EnumSource(WeaknessClass.class)
    void everyClassHasAProfileWhoseIdsAreInTheCatalogs(WeaknessClass weakness) {
        WeaknessProfile p = kb.profile(weakness);
        assertThat(p).as("profile of %s", weakness).isNotNull();
        assertThat(p.weakness()).isEqualTo(weakness);
        assertThat(p.title()).isNotBlank();
        p.cwe().forEach(id -> assertThat(kb.lookup(id)).as(id).get().extracting(CatalogEntry::catalog).isEqualTo(Catalog.CWE));
        p.owaspLlm().forEach(id -> assertThat(kb.lookup(id)).as(id).get().extracting(CatalogEntry::catalog)
                .isEqualTo(Catalog.OWASP_LLM_2025));
        p.atlas().forEach(id -> assertThat(kb.lookup(id)).as(id).get().extracting(CatalogEntry::catalog)
                .isEqualTo(Catalog.ATLAS_TECHNIQUE));
        assertThat(p.controls()).as("controls of %s", weakness).isNotEmpty()
                .allSatisfy(c -> assertThat(kb.control(c)).as(c).isPresent());
    }

    @ParameterizedTest
    @EnumSource(WeaknessClass.class)
    void everyVectorScoresAsCvss31WithMatchingSeverity(WeaknessClass weakness) {
        WeaknessProfile p = kb.profile(weakness);
        assertThat(p.cvss().version()).isEqualTo("3.1");
        assertThat(CvssScorer.score(p.cvss().vector()).score()).isEqualTo(p.cvss().score());
        assertThat(p.cvss().score()).isGreaterThan(0.0);
    }

    @ParameterizedTest
    @EnumSource(WeaknessClass.class)
    void remediationIsTwoToFourSentences(WeaknessClass weakness) {
        String remediation = kb.profile(weakness).remediation();
        long sentences = Stream.of(remediation.split("(?<=[.!?])\\s+")).filter(s -> !s.isBlank()).count();
        assertThat(sentences).as(remediation).isBetween(2L, 4L);
    }

    /** DESIGN.md's "Weakness classes → ids" table, copied here so the YAML cannot drift from it unnoticed. */
    static Stream<Arguments> designTable() {
        return Stream.of(
                row(WeaknessClass.DIRECT_PROMPT_INJECTION, List.of("CWE-1427"), List.of("LLM01"), List.of("AML.T0051.000")),
                row(WeaknessClass.INDIRECT_PROMPT_INJECTION, List.of("CWE-1427"), List.of("LLM01"), List.of("AML.T0051.001")),
                row(WeaknessClass.JAILBREAK, List.of("CWE-1427"), List.of("LLM01"), List.of("AML.T0054")),
                row(WeaknessClass.SYSTEM_PROMPT_LEAKAGE, List.of("CWE-200"), List.of("LLM07"), List.of("AML.T0056")),
                row(WeaknessClass.SENSITIVE_DATA_IN_OUTPUT, List.of("CWE-359", "CWE-200"), List.of("LLM02"), List.of("AML.T0057")),
                row(WeaknessClass.IMPROPER_OUTPUT_HANDLING, List.of("CWE-79", "CWE-1426"), List.of("LLM05"), List.of("AML.T0077")),
                row(WeaknessClass.EXCESSIVE_AGENCY, List.of("CWE-862"), List.of("LLM06"), List.of("AML.T0053")),
                row(WeaknessClass.UNBOUNDED_CONSUMPTION, List.of("CWE-770", "CWE-400"), List.of("LLM10"), List.of("AML.T0029", "AML.T0034")),
                row(WeaknessClass.MODEL_EXTRACTION_EXPOSURE, List.of("CWE-770"), List.of("LLM10"), List.of("AML.T0024.002")),
                row(WeaknessClass.MISSING_AUTHENTICATION, List.of("CWE-306"), List.of(), List.of("AML.T0040")),
                row(WeaknessClass.PERMISSIVE_CORS, List.of("CWE-942"), List.of(), List.of()),
                row(WeaknessClass.VERBOSE_ERRORS, List.of("CWE-209"), List.of(), List.of()),
                row(WeaknessClass.CLEARTEXT_TRANSPORT, List.of("CWE-319"), List.of(), List.of()),
                row(WeaknessClass.CODE_EXECUTION_ON_MODEL_LOAD, List.of("CWE-502", "CWE-94"), List.of("LLM03"),
                        List.of("AML.T0010.003", "AML.T0011.000")),
                row(WeaknessClass.VULNERABLE_DEPENDENCY, List.of("CWE-1395"), List.of("LLM03"), List.of("AML.T0010.001")),
                row(WeaknessClass.UNTRUSTWORTHY_COMPONENT, List.of("CWE-1357", "CWE-494", "CWE-829"), List.of("LLM03"), List.of("AML.T0010")),
                row(WeaknessClass.PII_IN_TRAINING_DATA, List.of("CWE-359"), List.of("LLM02"), List.of("AML.T0057")),
                row(WeaknessClass.SECRETS_EXPOSED, List.of("CWE-798", "CWE-312"), List.of("LLM02"), List.of()),
                row(WeaknessClass.POISONING_INDICATORS, List.of("CWE-20"), List.of("LLM04"), List.of("AML.T0020")));
    }

    private static Arguments row(WeaknessClass w, List<String> cwe, List<String> owasp, List<String> atlas) {
        return Arguments.of(w, cwe, owasp, atlas);
    }

    @ParameterizedTest
    @MethodSource("designTable")
    void profilesMatchDesignTable(WeaknessClass w, List<String> cwe, List<String> owasp, List<String> atlas) {
        WeaknessProfile p = kb.profile(w);
        assertThat(p.cwe()).isEqualTo(cwe);
        assertThat(p.owaspLlm()).isEqualTo(owasp);
        assertThat(p.atlas()).isEqualTo(atlas);
    }

    @Test
    void designTableCoversEveryClass() {
        assertThat(designTable().map(a -> a.get()[0])).containsExactlyInAnyOrder((Object[]) WeaknessClass.values());
    }

    @Test
    void loadingRefusesAnUnknownCatalogId() {
        assertThatThrownBy(() -> KnowledgeBase.load("bad/unknown-ids.yaml", ControlCatalog.FILE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown CWE id CWE-999999")
                .hasMessageContaining("unknown OWASP LLM 2025 id LLM11")
                .hasMessageContaining("unknown ATLAS technique id AML.T9999")
                .hasMessageContaining("unknown control id no-such-control");
    }

    @Test
    void loadingRefusesAMissingProfile() {
        assertThatThrownBy(() -> KnowledgeBase.load("bad/one-profile.yaml", ControlCatalog.FILE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no profile for")
                .hasMessageContaining("JAILBREAK");
    }

    @Test
    void loadingRefusesAVectorThatDoesNotScore() {
        assertThatThrownBy(() -> KnowledgeBase.load("bad/bad-vector.yaml", ControlCatalog.FILE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("direct-prompt-injection")
                .hasMessageContaining("CVSS");
    }

    @Test
    void loadingRefusesAControlWithoutKind() {
        assertThatThrownBy(() -> KnowledgeBase.load(WeaknessProfiles.FILE, "bad/controls-no-kind.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("authentication lacks kind");
    }
}
