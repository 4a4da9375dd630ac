package dev.bulwark.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Cvss;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.CatalogEntry.Catalog;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CWE-200|CWE|Exposure of Sensitive Information to an Unauthorized Actor|https://cwe.mitre.org/data/definitions/200.html",
            "cwe-1427|CWE|Improper Neutralization of Input Used for LLM Prompting|https://cwe.mitre.org/data/definitions/1427.html",
            "CWE-1434|CWE|Insecure Setting of Generative AI/ML Model Inference Parameters|https://cwe.mitre.org/data/definitions/1434.html",
            "AML.T0051|ATLAS_TECHNIQUE|LLM Prompt Injection|https://atlas.mitre.org/techniques/AML.T0051",
            "AML.T0051.000|ATLAS_TECHNIQUE|LLM Prompt Injection: Direct|https://atlas.mitre.org/techniques/AML.T0051.000",
            "aml.ta0005|ATLAS_TACTIC|Execution|https://atlas.mitre.org/tactics/AML.TA0005",
            "AML.M0000|ATLAS_MITIGATION|Limit Public Release of Information|https://atlas.mitre.org/mitigations/AML.M0000",
            "LLM01|OWASP_LLM_2025|Prompt Injection|https://genai.owasp.org/llm-top-10/",
            "LLM07:2025|OWASP_LLM_2025|System Prompt Leakage|https://genai.owasp.org/llm-top-10/",
            "LLM08:2026|OWASP_LLM_2026|Hidden Context Exposure|https://genai.owasp.org/llm-top-10/",
            "ML05|OWASP_ML_2023|Model Theft|https://owasp.org/www-project-machine-learning-security-top-10/docs/ML05_2023-Model_Theft",
            "ML01:2023|OWASP_ML_2023|Input Manipulation Attack|https://owasp.org/www-project-machine-learning-security-top-10/docs/ML01_2023-Input_Manipulation_Attack",
    })
    void looksUpKnownIds(String id, Catalog catalog, String name, String url) {
        CatalogEntry e = kb.lookup(id).orElseThrow();
        assertThat(e.catalog()).isEqualTo(catalog);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.url()).isEqualTo(url);
    }

    @Test
    void unknownIdsAreAbsent() {
        assertThat(kb.lookup("CWE-999999")).isEmpty();
        assertThat(kb.lookup("LLM11")).isEmpty();
        assertThat(kb.lookup("AML.T9999")).isEmpty();
        assertThat(kb.lookup(null)).isEmpty();
        assertThat(kb.lookup("x".repeat(10_000))).isEmpty();
    }

    @Test
    void cweDescriptionsAreLoaded() {
        assertThat(kb.lookup("CWE-79").orElseThrow().description()).isNotBlank();
        assertThat(kb.catalog(Catalog.CWE)).hasSizeGreaterThanOrEqualTo(940);
    }

    @Test
    void catalogsHaveTheirSizes() {
        assertThat(kb.owaspLlm2025()).extracting(CatalogEntry::id)
                .containsExactly("LLM01", "LLM02", "LLM03", "LLM04", "LLM05", "LLM06", "LLM07", "LLM08", "LLM09", "LLM10");
        assertThat(kb.owaspLlm2026()).extracting(CatalogEntry::id).startsWith("LLM01:2026").hasSize(10);
        assertThat(kb.owaspMl2023()).extracting(CatalogEntry::id).startsWith("ML01").hasSize(10);
        assertThat(kb.atlasTactics()).hasSize(16).first().extracting(CatalogEntry::name).isEqualTo("Reconnaissance");
        assertThat(kb.catalog(Catalog.ATLAS_TECHNIQUE)).hasSize(170);
        assertThat(kb.catalog(Catalog.ATLAS_MITIGATION)).hasSize(35);
        assertThat(kb.catalog(Catalog.OWASP_LLM_2025)).hasSize(10);
    }

    @Test
    void subTechniquesInheritTheirParentsTactics() {
        assertThat(kb.tacticsOf("AML.T0051.000")).extracting(CatalogEntry::id).containsExactly("AML.TA0005");
        assertThat(kb.tacticsOf("AML.T0024.002")).extracting(CatalogEntry::name).containsExactly("Exfiltration");
        assertThat(kb.tacticsOf("AML.T0010.003")).extracting(CatalogEntry::name).containsExactly("Initial Access");
    }

    @Test
    void tacticsComeInKillChainOrder() {
        // the techniques file lists AML.T0020 as Resource Development;Persistence and AML.T0054 as
        // Privilege Escalation;Defense Evasion; the tactics file order decides
        assertThat(kb.tacticsOf("AML.T0020")).extracting(CatalogEntry::name).containsExactly("Resource Development", "Persistence");
        assertThat(kb.tacticsOf("AML.T0054")).extracting(CatalogEntry::name).containsExactly("Privilege Escalation", "Defense Evasion");
        assertThat(kb.killChainOrderOfTechnique("AML.T0010")).isLessThan(kb.killChainOrderOfTechnique("AML.T0051.000"));
        assertThat(kb.killChainOrderOfTechnique("AML.T0051.000")).isLessThan(kb.killChainOrderOfTechnique("AML.T0057"));
        assertThat(kb.killChainOrderOfTechnique("AML.T0057")).isLessThan(kb.killChainOrderOfTechnique("AML.T0029"));
        assertThat(kb.killChainOrderOfTechnique("AML.T9999")).isEqualTo(Integer.MAX_VALUE);
        assertThat(kb.tacticsOf("AML.T9999")).isEmpty();
    }

    @Test
    void mitigationsOfASubTechniqueIncludeItsOwnAndItsParents() {
        assertThat(kb.mitigationsOf("AML.T0024.002")).extracting(CatalogEntry::id).contains("AML.M0002");
        assertThat(kb.mitigationsOf("AML.T0051.000")).isNotEmpty();
    }

    @Test
    void knowsExploitedCves() {
        assertThat(kb.knownExploited("CVE-2025-48384")).isTrue();
        assertThat(kb.knownExploited("cve-2025-48384")).isTrue();
        assertThat(kb.knownExploited("CVE-1999-0000")).isFalse();
        assertThat(kb.knownExploited(null)).isFalse();
        KevEntry git = kb.kev("CVE-2025-48384").orElseThrow();
        assertThat(git.vendorProject()).isEqualTo("Git");
        assertThat(git.dateAdded()).isEqualTo("2025-08-25");
        assertThat(git.cwes()).contains("CWE-59");
        assertThat(kb.kevCatalogVersion()).isEqualTo("2025.08.25");
    }

    @Test
    void mapFillsIdsCvssRemediationAndControlsFromTheProfile() {
        Finding raw = Finding.builder("llm.system-prompt-leak", WeaknessClass.SYSTEM_PROMPT_LEAKAGE)
                .title("System prompt leaks").severity(Severity.LOW).target("bot").build();
        Finding mapped = kb.map(raw);
        WeaknessProfile p = kb.profile(WeaknessClass.SYSTEM_PROMPT_LEAKAGE);
        assertThat(mapped.cvss()).isEqualTo(p.cvss());
        assertThat(mapped.severity()).isEqualTo(Severity.fromCvss(p.cvss().score())).isEqualTo(Severity.HIGH);
        assertThat(mapped.cwe()).containsExactly("CWE-200");
        assertThat(mapped.owaspLlm()).containsExactly("LLM07");
        assertThat(mapped.atlas()).containsExactly("AML.T0056");
        assertThat(mapped.remediation()).isEqualTo(p.remediation());
        assertThat(mapped.controls()).isEqualTo(p.controls());
        assertThat(mapped.fingerprint()).isEqualTo(raw.fingerprint());
        assertThat(kb.map(mapped)).as("mapping twice changes nothing").isEqualTo(mapped);
    }

    @Test
    void severityFollowsTheChecksOwnContextAdjustedCvss() {
        Cvss loopback = CvssScorer.score("CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N");
        Finding raw = Finding.builder("api.cleartext", WeaknessClass.CLEARTEXT_TRANSPORT)
                .title("Plain HTTP on loopback").cvss(loopback).severity(Severity.HIGH).build();
        Finding mapped = kb.map(raw);
        assertThat(mapped.cvss()).isEqualTo(loopback);
        assertThat(mapped.severity()).isEqualTo(loopback.severity()).isEqualTo(Severity.LOW);
        assertThat(kb.profile(WeaknessClass.CLEARTEXT_TRANSPORT).cvss().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void idsAndRemediationTheCheckSetStayFirst() {
        Finding raw = Finding.builder("deps.osv", WeaknessClass.VULNERABLE_DEPENDENCY).title("jinja2 2.10")
                .cwe(List.of("CWE-1336")).cve(List.of("CVE-2019-10906")).remediation("Upgrade jinja2 to 2.10.1.")
                .confidence(Confidence.CONFIRMED).build();
        Finding mapped = kb.map(raw);
        assertThat(mapped.cwe()).containsExactly("CWE-1336", "CWE-1395");
        assertThat(mapped.cve()).containsExactly("CVE-2019-10906");
        assertThat(mapped.remediation()).isEqualTo("Upgrade jinja2 to 2.10.1.");
        assertThat(mapped.owaspLlm()).containsExactly("LLM03");
    }

    @Test
    void controlsCatalogIsCompleteAndDescribed() {
        assertThat(kb.controls()).extracting(Control::id).contains("authentication", "rate-limiting", "input-filtering",
                "output-filtering", "pii-redaction", "system-prompt-hygiene", "tool-approval", "audit-logging",
                "extraction-monitoring", "cors-policy", "error-handling", "tls", "model-scanning", "dependency-scanning",
                "dependency-pinning", "data-minimization", "secrets-management", "data-validation").doesNotHaveDuplicates();
        assertThat(kb.controls()).allSatisfy(c -> {
            assertThat(c.title()).isNotBlank();
            assertThat(c.description()).isNotBlank();
            assertThat(c.bookSection()).matches("§\\d+\\.\\d+");
            // empty where no Bulwark feature does it (a person approving tool calls): never a feature that isn't there
            assertThat(c.bulwarkFeature()).satisfiesAnyOf(f -> assertThat(f).isEmpty(), f -> assertThat(f).startsWith("bulwark "));
            assertThat(c.kind()).isNotNull();
        });
        assertThat(kb.control("authentication").orElseThrow().bulwarkFeature()).isEqualTo("bulwark guard: auth");
        assertThat(kb.control("nope")).isEmpty();
    }

    @Test
    void bundledIsOneSharedInstanceAcrossThreads() throws Exception {
        try (var pool = Executors.newFixedThreadPool(4)) {
            Callable<KnowledgeBase> get = KnowledgeBase::bundled;
            var futures = pool.invokeAll(List.of(get, get, get, get, get, get));
            for (var f : futures) assertThat(f.get()).isSameAs(kb);
        }
    }
}
