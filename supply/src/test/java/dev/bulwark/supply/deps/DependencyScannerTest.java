package dev.bulwark.supply.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.supply.deps.manifest.Fixtures;
import dev.bulwark.supply.deps.manifest.ManifestLimits;
import dev.bulwark.supply.deps.osv.AdvisoryDatabase;
import dev.bulwark.supply.deps.osv.OsvParser;
import dev.bulwark.supply.deps.osv.OsvRecord;
import dev.bulwark.supply.deps.trust.ModelFileRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyScannerTest {
    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    private static Path project() {
        return Fixtures.path("../scanner/project");
    }

    private static AdvisoryDatabase advisories() throws Exception {
        var records = new ArrayList<OsvRecord>();
        try (var files = Files.list(Fixtures.path("../scanner/records"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")).sorted().toList()) {
                records.add(OsvParser.parse(Files.readAllBytes(f)));
            }
        }
        return AdvisoryDatabase.of(records);
    }

    private static DependencyScanner scanner(Optional<AdvisoryDatabase> db) {
        return new DependencyScanner(db, new ExploitStatus(KB, Optional.empty()), ManifestLimits.defaults());
    }

    private static List<Finding> mapped(DependencyScan scan, String check) {
        return scan.findings().stream().filter(f -> f.check().equals(check)).map(KB::map).toList();
    }

    @Test
    void findsManifestsSkipsVendoredFoldersAndReportsBrokenOnes() throws Exception {
        DependencyScan scan = scanner(Optional.of(advisories())).scan(List.of(project()), List.of());
        assertThat(scan.manifests()).extracting(m -> project().relativize(m.file()).toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("requirements.txt", "sub/package-lock.json");
        assertThat(scan.problems()).singleElement().asString().contains("pom.xml", "(dependency.artifactId)");
        assertThat(scan.checkRuns()).anySatisfy(r -> {
            assertThat(r.check()).isEqualTo("deps.manifest");
            assertThat(r.coverage()).isEqualTo(Coverage.NOT_TESTED);
        });
    }

    @Test
    void vulnerableDependenciesCarryTheAdvisory() throws Exception {
        DependencyScan scan = scanner(Optional.of(advisories())).scan(List.of(project().resolve("requirements.txt")), List.of());
        List<Finding> vulnerable = mapped(scan, DepsFindings.VULNERABLE);
        Finding requests = vulnerable.stream().filter(f -> f.title().startsWith("requests")).findFirst().orElseThrow();
        assertThat(requests.cve()).containsExactly("CVE-2023-32681", "GHSA-j8r2-6x86-q33q");
        assertThat(requests.description()).contains("Fixed in 2.31.0");
        assertThat(requests.remediation()).contains("Upgrade requests to 2.31.0");
        assertThat(requests.location().line()).isEqualTo(2);
        assertThat(requests.cwe()).contains("CWE-1395");
        Finding langflow = vulnerable.stream().filter(f -> f.title().startsWith("langflow")).findFirst().orElseThrow();
        assertThat(langflow.description()).contains("Known Exploited Vulnerabilities");
        assertThat(langflow.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(langflow.cwe()).contains("CWE-306");
    }

    @Test
    void torchIsReportedOnceAsAnUnsafeLoaderNamingTheModels() throws Exception {
        DependencyScan scan = scanner(Optional.of(advisories()))
                .scan(List.of(project().resolve("requirements.txt")), List.of(new ModelFileRef("weights/model.pt", "pytorch-zip")));
        assertThat(mapped(scan, DepsFindings.VULNERABLE)).noneMatch(f -> f.title().startsWith("torch"));
        assertThat(mapped(scan, DepsFindings.UNSAFE_LOADER)).singleElement().satisfies(f -> {
            assertThat(f.description()).contains("weights/model.pt (pytorch-zip)");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(mapped(scan, DepsFindings.TYPOSQUAT)).extracting(Finding::title)
                .containsExactly("Possible typosquat: tensorfllow looks like tensorflow");
    }

    @Test
    void withoutAdvisoryDataVulnerabilitiesAreNotTestedNeverClean() throws Exception {
        DependencyScan scan = scanner(Optional.empty()).scan(List.of(project().resolve("requirements.txt")), List.of());
        assertThat(scan.findings()).noneMatch(f -> f.check().equals(DepsFindings.VULNERABLE));
        assertThat(scan.checkRuns()).filteredOn(r -> r.check().equals(DepsFindings.VULNERABLE)).singleElement().satisfies(r -> {
            assertThat(r.coverage()).isEqualTo(Coverage.NOT_TESTED);
            assertThat(r.note()).contains("bulwark db update");
        });
    }

    @Test
    void aFileThatIsNotAManifestIsAProblem() throws Exception {
        DependencyScan scan = scanner(Optional.empty()).scan(List.of(Fixtures.path("osv-scanner/NOTICE.md")), List.of());
        assertThat(scan.problems()).singleElement().asString().contains("not a manifest");
    }
}
