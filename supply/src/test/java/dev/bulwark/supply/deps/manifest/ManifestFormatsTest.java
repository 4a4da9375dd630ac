package dev.bulwark.supply.deps.manifest;

import static dev.bulwark.supply.deps.manifest.Fixtures.packages;
import static dev.bulwark.supply.deps.manifest.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our own fixtures for the formats osv-scanner's set does not cover, and the requirements-file rules. */
class ManifestFormatsTest {
    @TempDir
    Path dir;

    @Test
    void pipfileLockDefaultAndDevelop() throws Exception {
        Manifest m = parse("own/pipenv/Pipfile.lock");
        assertThat(packages(m)).containsExactly("torch@2.1.0", "requests@2.31.0", "mylib", "pytest@8.0.0");
        assertThat(m.entries().get(0).markers()).isEqualTo("python_version >= '3.8'");
        assertThat(m.entries().get(0).dependency().hashes()).hasSize(1);
        assertThat(m.entries().get(0).dependency().source().line()).isEqualTo(11);
        assertThat(m.entries().get(1).extras()).containsExactly("socks");
        assertThat(m.entries().get(2).dependency().origin()).contains("git+https://github.com/example/mylib.git@main");
        assertThat(m.entries().get(3).scope()).isEqualTo(DependencyScope.DEVELOPMENT);
        assertThat(m.indexes()).extracting(PackageIndex::url).containsExactly("https://pypi.org/simple");
    }

    @Test
    void pylockPackagesHashesAndVcs() throws Exception {
        Manifest m = parse("own/pylock/pylock.toml");
        assertThat(packages(m)).containsExactly("transformers@4.36.0", "attrs@23.2.0", "internal-tools");
        assertThat(m.dependencies().get(0).hashes()).containsExactly("sha256:97c3d2e3a1b4a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0");
        assertThat(m.entries().get(1).markers()).isEqualTo("python_version >= '3.10'");
        assertThat(m.dependencies().get(2).origin()).contains("git+https://git.example.com/tools.git@0123456789abcdef0123456789abcdef01234567");
        assertThat(m.dependencies()).extracting(d -> d.source().line()).containsExactly(6, 16, 25);
        assertThat(m.locked()).isTrue();
    }

    @Test
    void pylockOfAnUnknownVersionIsRefused() throws Exception {
        Path f = dir.resolve("pylock.toml");
        Files.writeString(f, "lock-version = \"2.0\"\n");
        assertThatThrownBy(() -> ManifestFormat.PYLOCK.parse(f, ManifestLimits.defaults()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("pylock.toml:1 (lock-version)");
    }

    @Test
    void condaEnvironmentWithPipSection() throws Exception {
        Manifest m = parse("own/conda/environment.yml");
        assertThat(packages(m)).containsExactly("python@3.11", "pytorch@2.1.0", "numpy@1.26.4", "scikit-learn", "pandas", "pip",
                "transformers@4.30.0", "keras");
        assertThat(m.dependencies().subList(0, 6)).allSatisfy(d -> assertThat(d.ecosystem()).isEqualTo(Ecosystem.CONDA));
        assertThat(m.dependencies().subList(6, 8)).allSatisfy(d -> assertThat(d.ecosystem()).isEqualTo(Ecosystem.PYPI));
        assertThat(m.dependencies()).extracting(d -> d.source().line()).containsExactly(6, 7, 8, 9, 10, 11, 13, 15);
        assertThat(m.indexes()).extracting(i -> i.kind() + " " + i.url()).containsExactly("CHANNEL pytorch", "CHANNEL conda-forge",
                "CHANNEL conda-forge", "EXTRA https://pkgs.internal.example/simple");
    }

    @Test
    void poetryPyproject() throws Exception {
        Manifest m = parse("own/poetry/pyproject.toml");
        assertThat(packages(m)).containsExactly("torch@2.0.1", "transformers", "keras", "mytool", "pinned-git", "localpkg",
                "numpy@1.24.4", "numpy@1.26.4", "pytest");
        assertThat(m.dependencies().get(1).specifier()).isEqualTo("^4.30");
        assertThat(m.entries().get(2).scope()).isEqualTo(DependencyScope.OPTIONAL);
        assertThat(m.dependencies().get(3).origin()).contains("git+https://github.com/example/mytool.git@main");
        assertThat(m.entries().get(8).scope()).isEqualTo(DependencyScope.DEVELOPMENT);
        assertThat(m.dependencies().get(0).source().line()).isEqualTo(8);
        assertThat(m.indexes()).extracting(PackageIndex::kind).containsExactly(PackageIndex.Kind.EXTRA);
    }

    @Test
    void pep621Pyproject() throws Exception {
        Manifest m = parse("own/pep621/pyproject.toml");
        assertThat(packages(m)).containsExactly("torch", "transformers@4.40.0", "safetensors", "colorama", "llama-cpp-python", "pytest");
        assertThat(m.dependencies().get(0).specifier()).isEqualTo(">=2.0,<2.6");
        assertThat(m.entries().get(1).extras()).containsExactly("torch");
        assertThat(m.dependencies().get(2).origin()).contains("https://example.com/safetensors-0.4.0.tar.gz");
        assertThat(m.entries().get(3).markers()).isEqualTo("sys_platform == 'win32'");
        assertThat(m.entries().get(4).scope()).isEqualTo(DependencyScope.OPTIONAL);
        assertThat(m.entries().get(5).scope()).isEqualTo(DependencyScope.DEVELOPMENT);
        assertThat(m.dependencies()).extracting(d -> d.source().line()).containsExactly(5, 6, 7, 8, 12, 15);
    }

    @Test
    void requirementsIncludesConstraintsOptionsAndUrls() throws Exception {
        Manifest m = parse("own/requirements/requirements.txt");
        assertThat(packages(m)).containsExactly("keras@3.5.0", "urllib3", "torch@2.1.0", "numpy", "Requests@2.31.0", "mylib",
                "pinned", "editable-pkg", "numpy@1.26.4");
        assertThat(m.included()).extracting(p -> p.getFileName().toString()).containsExactly("base.txt", "constraints.txt");
        assertThat(m.notes()).singleElement().asString().contains("include cycle");
        assertThat(m.entries().get(0).dependency().source().file()).endsWith("base.txt");
        assertThat(m.entries().get(1).scope()).isEqualTo(DependencyScope.CONSTRAINT);
        Dependency torch = m.dependencies().get(2);
        assertThat(torch.hashes()).hasSize(1);
        assertThat(torch.source().line()).isEqualTo(6);
        assertThat(m.entries().get(3).markers()).isEqualTo("python_version >= \"3.9\"");
        assertThat(m.entries().get(4).extras()).containsExactly("socks", "security");
        assertThat(m.dependencies().get(5).origin()).contains("git+https://github.com/example/mylib.git@v1.2#egg=mylib");
        assertThat(m.entries().get(7).editable()).isTrue();
        assertThat(m.dependencies().get(8).origin()).contains("./wheels/numpy-1.26.4-cp311-cp311-linux_x86_64.whl");
        assertThat(m.indexes()).extracting(PackageIndex::kind).containsExactly(PackageIndex.Kind.PRIMARY, PackageIndex.Kind.EXTRA);
    }

    @Test
    void includeCyclesStop() throws Exception {
        Manifest m = parse("own/cycle/requirements-a.txt");
        assertThat(packages(m)).containsExactly("six@1.16.0", "idna@3.6");
        assertThat(m.notes()).singleElement().asString().contains("include cycle");
    }

    @Test
    void includeDepthIsBounded() throws Exception {
        for (int i = 0; i < 15; i++) Files.writeString(dir.resolve("requirements-" + i + ".txt"), "-r requirements-" + (i + 1) + ".txt\n");
        Files.writeString(dir.resolve("requirements-15.txt"), "six==1.0\n");
        assertThatThrownBy(() -> ManifestFormat.REQUIREMENTS.parse(dir.resolve("requirements-0.txt"), ManifestLimits.defaults()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("nested deeper than 10");
    }

    @Test
    void badRequirementNamesFileLineAndField() throws Exception {
        Path f = dir.resolve("requirements.txt");
        Files.writeString(f, "six==1.0\n\ntorch >= = 2\n");
        assertThatThrownBy(() -> ManifestFormat.REQUIREMENTS.parse(f, ManifestLimits.defaults()))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("requirements.txt:3 (requirement)")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isEqualTo(3));
        Files.writeString(f, "--frobnicate x\n");
        assertThatThrownBy(() -> ManifestFormat.REQUIREMENTS.parse(f, ManifestLimits.defaults()))
                .hasMessageContaining("requirements.txt:1 (--frobnicate)");
    }

    @Test
    void oversizedFilesAreRefused() throws Exception {
        Path f = dir.resolve("package-lock.json");
        Files.writeString(f, "{\"packages\":{}}" + " ".repeat(2000));
        var small = new ManifestLimits(1000, 200, 10, 1000, 1000);
        assertThatThrownBy(() -> ManifestFormat.PACKAGE_LOCK.parse(f, small)).hasMessageContaining("1000-byte limit");
    }

    @Test
    void deepJsonAndTomlNestingIsRefused() throws Exception {
        Path json = dir.resolve("package-lock.json");
        Files.writeString(json, "[".repeat(5000) + "]".repeat(5000));
        assertThatThrownBy(() -> ManifestFormat.PACKAGE_LOCK.parse(json, ManifestLimits.defaults())).isInstanceOf(ManifestException.class);
        Path toml = dir.resolve("poetry.lock");
        Files.writeString(toml, "a = " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThatThrownBy(() -> ManifestFormat.POETRY_LOCK.parse(toml, ManifestLimits.defaults()))
                .isInstanceOf(ManifestException.class).hasMessageContaining("nested deeper than 200");
    }

    @Test
    void pomWithDtdIsRefusedAndNeverExpanded() throws Exception {
        assertThatThrownBy(() -> parse("own/xxe/pom.xml")).isInstanceOf(ManifestException.class)
                .hasMessageContaining("DTD").hasMessageNotContaining("root:");
    }

    @Test
    void pomPropertiesManagementAndParentVersions() throws Exception {
        Manifest m = parse("own/maven/pom.xml");
        assertThat(packages(m)).containsExactly("com.fasterxml.jackson.core:jackson-databind@2.15.0",
                "com.fasterxml.jackson.core:jackson-databind@2.15.0", "org.apache.logging.log4j:log4j-core@2.14.1",
                "org.example:app-api@2.4.1", "org.example:from-parent", "junit:junit");
        assertThat(m.notes()).singleElement().asString().contains("from-parent");
        assertThat(m.dependencies().get(5).specifier()).isEqualTo("[4.12,5.0)");
    }

    @Test
    void npmDevFlagsDirectnessAndGitOrigins() throws Exception {
        Manifest m = parse("own/npm-git/package-lock.json");
        assertThat(packages(m)).containsExactly("openai@4.20.0", "openia@1.0.0", "helper@1.0.0", "jest@29.7.0", "ms@2.1.3");
        assertThat(m.dependencies()).extracting(Dependency::direct).containsExactly(true, true, true, true, false);
        assertThat(m.dependencies().get(2).origin()).contains("git+ssh://git@github.com/example/helper.git#main");
        assertThat(m.entries().get(3).scope()).isEqualTo(DependencyScope.DEVELOPMENT);
        assertThat(m.dependencies().get(0).hashes()).singleElement().asString().startsWith("sha512:");
    }

    @Test
    void formatsAreRecognisedByName() {
        assertThat(ManifestFormat.byFileName(Path.of("a/requirements-dev.txt"))).contains(ManifestFormat.REQUIREMENTS);
        assertThat(ManifestFormat.byFileName(Path.of("pylock.prod.toml"))).contains(ManifestFormat.PYLOCK);
        assertThat(ManifestFormat.byFileName(Path.of("Pipfile.lock"))).contains(ManifestFormat.PIPFILE_LOCK);
        assertThat(ManifestFormat.byFileName(Path.of("environment.yaml"))).contains(ManifestFormat.CONDA_ENVIRONMENT);
        assertThat(ManifestFormat.byFileName(Path.of("notes.txt"))).isEmpty();
    }
}
