package dev.bulwark.supply.deps.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.supply.deps.Ecosystem;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.0.0-ALPHA1, 1.0.0a1", "v2!1.0.PREVIEW-2, 2!1.0rc2", "1.0-1, 1.0.post1", "1.0.r, 1.0.post0",
            "01.02.003, 1.2.3", "1.0.dev, 1.0.dev0", "1.0+Ubuntu-1_2, 1.0+ubuntu.1.2", "1.0c3, 1.0rc3"})
    void pep440Normalisation(String text, String normalized) {
        assertThat(Pep440Version.parse(text).normalized()).isEqualTo(normalized);
        assertThat(Pep440Version.parse(text)).isEqualTo(Pep440Version.parse(normalized));
    }

    @Test
    void legacyPythonVersionsSortBeforeEveryPep440Version() {
        var legacy = Pep440Version.parse("2024-final-bulbasaur");
        assertThat(legacy.isLegacy()).isTrue();
        assertThat(legacy).isLessThan(Pep440Version.parse("0.0.1.dev0"));
        assertThat(Pep440Version.parse("1.0rc1").isPreRelease()).isTrue();
        assertThat(Pep440Version.parse("1.0.post1").isPreRelease()).isFalse();
    }

    @Test
    void schemesDoNotCompareAndLimitsHold() {
        assertThatThrownBy(() -> Version.parse(Ecosystem.PYPI, "1.0").compareTo(Version.parse(Ecosystem.MAVEN, "1.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> Version.parse(Ecosystem.NPM, "latest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse(Ecosystem.MAVEN, "1".repeat(300))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> Version.parse(Ecosystem.PYPI, " ")).hasMessageContaining("empty");
        assertThat(Version.parse(Ecosystem.CONDA, "1.0")).isInstanceOf(Pep440Version.class);
        assertThat(MavenVersion.parse("1.0-SNAPSHOT").isPreRelease()).isTrue();
        assertThat(SemverVersion.parse("1.0.0-rc.1").isPreRelease()).isTrue();
    }

    @Provide
    Arbitrary<String> pythonVersions() {
        return Arbitraries.of("0", "1.0", "1.0.0", "1.0a1", "1.0b2", "1.0rc1", "1.0.post1", "1.0.dev3", "1.0a1.dev1",
                "1!0.1", "1.0+local.1", "1.0+local.a", "2.0", "1.10", "1.9.9", "0.1-legacy", "1.0.0.0.1");
    }

    /**
     * Versions with a qualifier after '.' ("1.xyz") are left out: Maven's rules, as osv-scanner's fixtures encode
     * them, are not transitive there (1 &lt; 1.xyz &lt; 1-alpha-1 &lt; 1); see {@link #mavenDotQualifierQuirk}.
     */
    @Provide
    Arbitrary<String> mavenVersions() {
        return Arbitraries.of("1", "1.0", "1-alpha-1", "1a1", "1-beta", "1-rc1", "1-SNAPSHOT", "1-sp1", "1-foo", "1.1",
                "1-1", "1.0.1", "2.0.0-Final", "1-ga", "1-0.1", "1-0-1", "1..1", "1a", "1.0-1", "1-1.1");
    }

    @Test
    void mavenDotQualifierQuirk() {
        var one = MavenVersion.parse("1");
        var dotXyz = MavenVersion.parse("1.xyz");
        var alpha = MavenVersion.parse("1-alpha-1");
        assertThat(one).isLessThan(dotXyz);
        assertThat(dotXyz).isLessThan(alpha);
        assertThat(alpha).isLessThan(one); // the cycle osv-scanner's ordering has too; documented, not hidden
    }

    @Provide
    Arbitrary<String> semverVersions() {
        return Arbitraries.of("1.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.11", "1.0.0-rc.1",
                "v1.0.0", "1.0.1", "2.0.0+build", "0.0.0-0", "1.2", "1");
    }

    /** compareTo is a total order: antisymmetric and transitive, on every scheme. */
    @Property(tries = 300)
    void pythonOrderIsTotal(@ForAll("pythonVersions") String a, @ForAll("pythonVersions") String b, @ForAll("pythonVersions") String c) {
        assertTotalOrder(Ecosystem.PYPI, a, b, c);
    }

    @Property(tries = 300)
    void mavenOrderIsTotal(@ForAll("mavenVersions") String a, @ForAll("mavenVersions") String b, @ForAll("mavenVersions") String c) {
        assertTotalOrder(Ecosystem.MAVEN, a, b, c);
    }

    @Property(tries = 300)
    void semverOrderIsTotal(@ForAll("semverVersions") String a, @ForAll("semverVersions") String b, @ForAll("semverVersions") String c) {
        assertTotalOrder(Ecosystem.NPM, a, b, c);
    }

    private static void assertTotalOrder(Ecosystem e, String a, String b, String c) {
        List<Version> v = List.of(Version.parse(e, a), Version.parse(e, b), Version.parse(e, c));
        assertThat(Integer.signum(v.get(0).compareTo(v.get(1)))).isEqualTo(-Integer.signum(v.get(1).compareTo(v.get(0))));
        if (v.get(0).compareTo(v.get(1)) <= 0 && v.get(1).compareTo(v.get(2)) <= 0) {
            assertThat(v.get(0).compareTo(v.get(2))).isLessThanOrEqualTo(0);
        }
        if (v.get(0).compareTo(v.get(1)) == 0) assertThat(v.get(0).hashCode()).isEqualTo(v.get(1).hashCode());
    }
}
