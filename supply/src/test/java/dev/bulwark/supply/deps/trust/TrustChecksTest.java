package dev.bulwark.supply.deps.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.supply.deps.DepsFindings;
import dev.bulwark.supply.deps.manifest.Fixtures;
import dev.bulwark.supply.deps.manifest.Manifest;
import dev.bulwark.supply.deps.manifest.ManifestFormat;
import dev.bulwark.supply.deps.manifest.ManifestLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustChecksTest {
    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    @TempDir
    Path dir;

    private List<Finding> run(List<ModelFileRef> models, Manifest... manifests) {
        var input = new TrustInput(List.of(manifests), models);
        return TrustCheck.all().stream().flatMap(c -> c.check(input).stream()).map(KB::map).toList();
    }

    private Manifest requirements(String text) throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, text);
        return ManifestFormat.REQUIREMENTS.parse(f, ManifestLimits.defaults());
    }

    private static List<Finding> of(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void unsafeTorchNamesTheModelFilesItWouldLoad() throws Exception {
        var findings = run(List.of(new ModelFileRef("models/model.pt", "pytorch-zip"), new ModelFileRef("m.gguf", "gguf")),
                requirements("torch==2.1.0 --hash=sha256:" + "a".repeat(64) + "\n"));
        Finding f = of(findings, DepsFindings.UNSAFE_LOADER).getFirst();
        assertThat(f.weakness()).isEqualTo(WeaknessClass.VULNERABLE_DEPENDENCY);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.cve()).contains("CVE-2025-32434", "GHSA-53q9-r3pm-6pq6");
        assertThat(f.cwe()).contains("CWE-502", "CWE-1395");
        assertThat(f.description()).contains("torch 2.1.0 would load models/model.pt (pytorch-zip)").doesNotContain("m.gguf");
        assertThat(f.location().line()).isEqualTo(1);
        assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
    }

    @Test
    void fixedLoadersAreNotReportedAndRangesAreTentative() throws Exception {
        assertThat(of(run(List.of(), requirements("torch==2.6.0\nkeras==3.11.0\n")), DepsFindings.UNSAFE_LOADER)).isEmpty();
        var ranged = of(run(List.of(), requirements("torch>=2.0\nkeras>=3.9,<4\n")), DepsFindings.UNSAFE_LOADER);
        assertThat(ranged).extracting(f -> f.cve().getFirst()).containsExactlyInAnyOrder("CVE-2025-32434", "CVE-2025-8747");
        assertThat(ranged).allSatisfy(f -> {
            assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
        assertThat(of(run(List.of(), requirements("torch>=2.6\n")), DepsFindings.UNSAFE_LOADER)).isEmpty();
    }

    @Test
    void condaPytorchIsCheckedAsTorch() throws Exception {
        var findings = run(List.of(), Fixtures.parse("own/conda/environment.yml"));
        assertThat(of(findings, DepsFindings.UNSAFE_LOADER)).extracting(f -> f.cve().getFirst())
                .contains("CVE-2025-32434", "CVE-2025-1550");
    }

    @Test
    void typosquatsAreHighOrMediumAndTentative() throws Exception {
        var findings = of(run(List.of(), requirements("tensorfllow==2.15.0\nscikitlearn==1.0\nrequests==2.31.0\n")), DepsFindings.TYPOSQUAT);
        assertThat(findings).extracting(Finding::title).containsExactly("Possible typosquat: tensorfllow looks like tensorflow",
                "Possible typosquat: scikitlearn looks like scikit-learn");
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
            assertThat(f.cwe()).contains("CWE-1357", "CWE-494", "CWE-829");
            assertThat(f.atlas()).contains("AML.T0010");
            assertThat(f.owaspLlm()).contains("LLM03");
        });
    }

    @Test
    void partialHashesAreMediumNoHashesLow() throws Exception {
        var partial = of(run(List.of(), requirements("six==1.16.0 --hash=sha256:" + "b".repeat(64) + "\nidna==3.6\n")), DepsFindings.UNHASHED);
        assertThat(partial).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.description()).contains("idna 3.6").doesNotContain("six");
            assertThat(f.location().line()).isEqualTo(2);
        });
        var none = of(run(List.of(), requirements("six==1.16.0\n")), DepsFindings.UNHASHED);
        assertThat(none).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void unpinnedRequirementsAreOneLowFindingPerFile() throws Exception {
        var findings = of(run(List.of(), requirements("six\nidna>=3\nattrs==23.1.0\n-c constraints.txt\n")), DepsFindings.UNPINNED);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.title()).isEqualTo("2 unpinned dependencies in requirements.txt");
            assertThat(f.description()).contains("six", "idna (>=3)").doesNotContain("attrs");
        });
    }

    @Test
    void lockFilesAndPyprojectBesideALockAreNotUnpinned() throws Exception {
        Path project = dir.resolve("p");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pyproject.toml"), "[project]\nname='x'\ndependencies=['six>=1']\n");
        Files.copy(Fixtures.path("osv-scanner/uv/locks-scalibr/uv.lock"), project.resolve("uv.lock"));
        var pyproject = ManifestFormat.PYPROJECT.parse(project.resolve("pyproject.toml"), ManifestLimits.defaults());
        var lock = ManifestFormat.UV_LOCK.parse(project.resolve("uv.lock"), ManifestLimits.defaults());
        assertThat(of(run(List.of(), pyproject, lock), DepsFindings.UNPINNED)).isEmpty();
        assertThat(of(run(List.of(), pyproject), DepsFindings.UNPINNED)).hasSize(1);
    }

    @Test
    void extraIndexesAreMediumAndNeverRevealCredentials() throws Exception {
        var findings = of(run(List.of(), Fixtures.parse("own/requirements/requirements.txt")), DepsFindings.EXTRA_INDEX);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.title()).isEqualTo("Extra package index https://***@pkgs.internal.example/simple");
            assertThat(f.description() + f.title()).doesNotContain("s3cret");
            assertThat(f.location().line()).isEqualTo(3);
        });
    }

    @Test
    void vcsWithoutAFullCommitIsReported() throws Exception {
        var findings = of(run(List.of(), Fixtures.parse("own/requirements/requirements.txt"),
                Fixtures.parse("own/poetry/pyproject.toml"), Fixtures.parse("own/npm-git/package-lock.json")), DepsFindings.UNPINNED_VCS);
        assertThat(findings).extracting(f -> f.title().split(" ")[0]).containsExactly("mylib", "editable-pkg", "mytool", "helper");
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(VcsPinCheck.reference("git+https://h/r.git@v1.2#egg=x")).contains("v1.2");
        assertThat(VcsPinCheck.reference("git+ssh://git@github.com/e/h.git#main")).contains("main");
        assertThat(VcsPinCheck.reference("git+https://h/r.git#egg=x")).isEmpty();
    }

    @Test
    void loaderAdvisoriesAreValid() {
        assertThat(LoaderAdvisories.bundled()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(a -> {
            a.cwe().forEach(c -> assertThat(KB.knows(c)).as(c).isTrue());
            assertThat(a.cves()).isNotEmpty();
        });
    }
}
