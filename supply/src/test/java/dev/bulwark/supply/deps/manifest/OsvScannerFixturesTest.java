package dev.bulwark.supply.deps.manifest;

import static dev.bulwark.supply.deps.manifest.Fixtures.packages;
import static dev.bulwark.supply.deps.manifest.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.supply.deps.Dependency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** osv-scanner's lockfile fixtures (Apache-2.0, copied with its licence) read to the packages they hold. */
class OsvScannerFixturesTest {
    private static final String DIR = "osv-scanner/";

    static Stream<Arguments> expected() {
        return Stream.of(
                Arguments.of("pip/locks-requirements/requirements.txt", List.of("flask@1.0.0", "django@1.11.29", "requests@2.20.0")),
                Arguments.of("pip/locks-requirements/requirements-transitive.txt",
                        List.of("numpy@2.3.1", "flask@1.0.0", "django@1.11.29", "requests@2.20.0")),
                Arguments.of("pip/locks-requirements/requirements.prod.txt", List.of("django@2.2.24")),
                Arguments.of("pip/locks-requirements/requirements-dev.txt", List.of("black@25.1.0")),
                Arguments.of("pip/legacy-fixtures/multiple-packages-constrained.txt", List.of("astroid@2.5.1",
                        "beautifulsoup4@4.9.3", "boto3@1.17.19", "botocore@1.20.19", "certifi@2020.12.5", "chardet@4.0.0",
                        "circus@0.17.1", "click@7.1.2", "django-debug-toolbar@3.2.1", "django-filter@2.4.0",
                        "django-nose@1.4.7", "django-storages@1.11.1", "django@2.2.24")),
                Arguments.of("pip/legacy-fixtures/file-format-example.txt", List.of("pytest", "pytest-cov", "beautifulsoup4",
                        "docopt@0.6.1", "keyring", "coverage", "Mopidy-Dirble", "django@2.2.24", "numpy@1.9.2",
                        "wxPython_Phoenix@3.0.3.dev1820+49a8884", "rejected", "green")),
                Arguments.of("pip/legacy-fixtures/with-per-requirement-options.txt",
                        List.of("boto3@1.26.121", "foo@1.0.0", "FooProject@1.2", "BarProject")),
                Arguments.of("pip/legacy-fixtures/line-continuation.txt", List.of("foo@1.2.3", "bar@4.5.6", "baz@7.8.9", "qux@10.11.12")),
                Arguments.of("pip/legacy-fixtures/non-normalized-names.txt", List.of("zope.interface@5.4.0", "Pillow@1.0.0", "Twisted@20.3.0")),
                Arguments.of("pip/legacy-fixtures/other-file.txt", List.of("django@2.2.24")),
                Arguments.of("poetry/legacy-fixtures/one-package.lock", List.of("numpy@1.23.3")),
                Arguments.of("poetry/legacy-fixtures/two-packages.lock", List.of("proto-plus@1.22.0", "protobuf@4.21.5")),
                Arguments.of("poetry/legacy-fixtures/one-package-with-metadata.lock", List.of("emoji@2.0.0")),
                Arguments.of("poetry/legacy-fixtures/source-git.lock", List.of("ike@0.2.0")),
                Arguments.of("poetry/legacy-fixtures/source-legacy.lock", List.of("appdirs@1.4.4")),
                Arguments.of("poetry/legacy-fixtures/optional-package.lock", List.of("numpy@1.23.3")),
                Arguments.of("uv/locks-scalibr/uv.lock", List.of("emoji@2.14.0", "protobuf@4.25.5")),
                Arguments.of("npm/locks-licenses/package-lock.json", List.of("babel@6.23.0", "human-signals@5.0.0", "ms@2.1.3", "type-fest@4.26.1")),
                Arguments.of("npm/legacy-fixtures/nested-dependencies.v2.json", List.of("postcss@6.0.23", "postcss-calc@7.0.1",
                        "postcss@7.0.16", "supports-color@6.1.0", "supports-color@5.5.0")),
                Arguments.of("npm/legacy-fixtures/nested-dependencies.v1.json", List.of("postcss@6.0.23", "postcss-calc@7.0.1",
                        "postcss@7.0.16", "supports-color@6.1.0", "supports-color@5.5.0")),
                Arguments.of("npm/legacy-fixtures/scoped-packages.v2.json", List.of("@babel/code-frame@7.0.0", "wrappy@1.0.2")),
                Arguments.of("npm/legacy-fixtures/alias.v2.json", List.of("@babel/code-frame@7.0.0", "string-width@5.1.2", "string-width@4.2.0")),
                Arguments.of("maven/java-fixture-app/pom.xml", List.of("org.apache.hadoop:hadoop-client@3.4.0",
                        "org.apache.commons:commons-compress@1.21")),
                Arguments.of("maven/update/pom.xml", List.of("org.slf4j:slf4j-migrator@2.0.0", "com.fasterxml.jackson.core:jackson-core@2.14.0",
                        "junit:junit@4.12", "org.apache.logging.log4j:log4j-api@2.0")),
                // Maven gives a direct dependency's own version precedence over dependencyManagement (osv-scanner's
                // legacy parser reported the managed 4.1.42.Final for the direct netty-all).
                Arguments.of("maven/legacy-fixtures/with-dependency-management.xml", List.of("io.netty:netty-all@4.1.42.Final",
                        "com.google.code.findbugs:jsr305@3.0.2", "io.netty:netty-all@4.1.9", "org.slf4j:slf4j-log4j12@1.7.25")),
                Arguments.of("maven/legacy-fixtures/interpolation.xml", List.of("org.mine:ranged-package", "org.mine:mypackage@1.0.0",
                        "org.mine:my.package@2.3.4")),
                Arguments.of("maven/legacy-fixtures/with-scope.xml", List.of("abc:xyz@1.2.3", "junit:junit@4.12")),
                Arguments.of("maven/maven-transitive/pom.xml", List.of("org.apache.logging.log4j:log4j-web@2.14.1")),
                Arguments.of("maven/override-maven/pom.xml", List.of("org.jsoup:jsoup@1.14.1", "org.apache.httpcomponents:httpclient@4.0",
                        "org.apache.maven.wagon:wagon-http@3.0.0", "org.codehaus.plexus:plexus-utils@3.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void readsTheExpectedPackages(String fixture, List<String> expected) throws Exception {
        Manifest m = parse(DIR + fixture);
        assertThat(packages(m)).containsExactlyElementsOf(expected);
        assertThat(m.dependencies()).allSatisfy(d -> assertThat(d.source().line()).isPositive());
    }

    @Test
    void theManifestListsEveryCopiedFixture() throws Exception {
        var lines = java.nio.file.Files.readAllLines(Fixtures.path(DIR + "manifest.csv"));
        var tested = expected().map(a -> (String) a.get()[0]).toList();
        var listed = lines.stream().skip(1).map(l -> l.split(",")[0]).toList();
        // every listed fixture but the large npm one (checked below) has its expected packages above
        assertThat(listed).hasSize(30).filteredOn(f -> !f.equals("npm/in-place-npm/package-lock.json"))
                .allSatisfy(f -> assertThat(tested).contains(f));
    }

    @Test
    void largeNpmLockKeepsEveryPackage() throws Exception {
        Manifest m = parse(DIR + "npm/in-place-npm/package-lock.json");
        assertThat(m.entries()).hasSize(106);
        assertThat(packages(m)).contains("ajv@6.12.6", "ansi-regex@5.0.1");
        assertThat(m.entries()).filteredOn(e -> e.dependency().direct()).extracting(e -> e.dependency().name())
                .containsExactly("npm-registry-client");
        assertThat(m.entries()).filteredOn(e -> e.dependency().name().equals("ansi-regex"))
                .allSatisfy(e -> assertThat(e.scope()).isEqualTo(DependencyScope.OPTIONAL));
    }

    @Test
    void pipCompileAnnotationsTellDirectFromTransitive() throws Exception {
        Manifest m = parse(DIR + "pip/legacy-fixtures/multiple-packages-constrained.txt");
        assertThat(m.dependencies()).filteredOn(Dependency::direct).extracting(Dependency::name)
                .containsExactly("boto3", "circus", "django-debug-toolbar", "django-filter", "django-nose", "django-storages", "django");
    }

    @Test
    void hashesExtrasAndContinuationsAreKept() throws Exception {
        Manifest m = parse(DIR + "pip/legacy-fixtures/with-per-requirement-options.txt");
        assertThat(m.dependencies().get(2).hashes()).containsExactly(
                "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                "sha256:486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7");
        assertThat(m.dependencies().get(2).source().line()).isEqualTo(6);
        assertThat(parse(DIR + "pip/legacy-fixtures/non-normalized-names.txt").entries().get(2).extras()).containsExactly("http2");
    }

    @Test
    void lockSpecificsAreRead() throws Exception {
        Dependency ike = parse(DIR + "poetry/legacy-fixtures/source-git.lock").dependencies().get(0);
        assertThat(ike.origin()).contains("git+https://github.com/dzshn/ike@cd66602cd29f61a2d2e7fb995fef1e61708c034d");
        assertThat(parse(DIR + "poetry/legacy-fixtures/one-package-with-metadata.lock").dependencies().get(0).hashes())
                .containsExactly("sha256:297fac7ec9e86f7b602792c28eb6f04819ba67ab88a34c56afcde52243a9a105");
        assertThat(parse(DIR + "poetry/legacy-fixtures/optional-package.lock").entries().get(0).scope()).isEqualTo(DependencyScope.OPTIONAL);
        Manifest uv = parse(DIR + "uv/locks-scalibr/uv.lock");
        assertThat(uv.dependencies()).allSatisfy(d -> assertThat(d.direct()).isTrue());
        assertThat(uv.dependencies().get(1).hashes()).hasSize(7);
        assertThat(uv.dependencies().get(0).source().line()).isEqualTo(4);
        Dependency wrappy = parse(DIR + "npm/legacy-fixtures/scoped-packages.v2.json").dependencies().get(1);
        assertThat(wrappy.hashes()).containsExactly("sha1:b5243d8f3ec1aa35f1364605bc0d1036e30ab69f");
    }

    @Test
    void mavenScopesAndConstraints() throws Exception {
        Manifest m = parse(DIR + "maven/update/pom.xml");
        assertThat(m.entries()).extracting(ManifestEntry::scope).containsExactly(DependencyScope.CONSTRAINT,
                DependencyScope.REQUIRED, DependencyScope.TEST, DependencyScope.OPTIONAL);
        Manifest ranged = parse(DIR + "maven/legacy-fixtures/interpolation.xml");
        assertThat(ranged.dependencies().get(0).specifier()).isEqualTo("[9.4.35.v20201120,9.5)");
        assertThat(ranged.dependencies().get(0).pinned()).isFalse();
    }
}
