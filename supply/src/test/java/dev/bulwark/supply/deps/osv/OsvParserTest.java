package dev.bulwark.supply.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class OsvParserTest {

    @Test
    void readsAPypaYamlAdvisory() throws Exception {
        OsvRecord r = OsvParser.parse(Files.readAllBytes(OsvTestData.pypi("requests", "PYSEC-2014-13")));
        assertThat(r.id()).isEqualTo("PYSEC-2014-13");
        assertThat(r.aliases()).containsExactly("CVE-2014-1829", "GHSA-cfj3-7x9c-4p3h");
        assertThat(r.details()).startsWith("Requests (aka python-requests) before 2.3.0");
        assertThat(r.affected()).singleElement().satisfies(a -> {
            assertThat(a.pkg()).isEqualTo(new OsvPackage("PyPI", "requests", "pkg:pypi/requests"));
            assertThat(a.ranges()).singleElement().satisfies(range -> {
                assertThat(range.type()).isEqualTo(OsvRange.Type.ECOSYSTEM);
                assertThat(range.events()).containsExactly(new OsvEvent(OsvEvent.Kind.INTRODUCED, "0"),
                        new OsvEvent(OsvEvent.Kind.FIXED, "2.3.0"));
            });
            assertThat(a.versions()).hasSize(84).contains("0.12.01", "2.2.1");
            assertThat(a.fixedVersions()).containsExactly("2.3.0");
        });
        Advisory advisory = r.toAdvisory();
        assertThat(advisory.cveIds()).containsExactly("CVE-2014-1829");
        assertThat(advisory.ghsaIds()).containsExactly("GHSA-cfj3-7x9c-4p3h");
        assertThat(advisory.summary()).startsWith("Requests (aka python-requests)"); // no summary: details, shortened
    }

    @Test
    void readsJsonWithSeverityCwesAndGitRanges() throws Exception {
        OsvRecord r = OsvParser.parse(Files.readAllBytes(OsvTestData.mini().resolve("TEST-2024-0001.json")));
        assertThat(r.cweIds()).containsExactly("CWE-502", "CWE-94");
        assertThat(r.toAdvisory().cvss()).hasValueSatisfying(c -> {
            assertThat(c.score()).isEqualTo(9.8);
            assertThat(c.version()).isEqualTo("3.1");
        });
        assertThat(r.affected().getFirst().ranges()).extracting(OsvRange::type)
                .containsExactly(OsvRange.Type.ECOSYSTEM, OsvRange.Type.GIT);
        assertThat(r.affected().getFirst().ranges().get(1).repo()).isEqualTo("https://example.invalid/demo");
    }

    @Test
    void cvss2AndV4() throws Exception {
        OsvRecord v2 = OsvParser.parse(Files.readAllBytes(OsvTestData.mini().resolve("TEST-2024-0006.json")));
        assertThat(v2.toAdvisory().cvss()).isEmpty(); // CVSS 2 is not scored, never guessed
        OsvRecord v4 = OsvParser.parse(Files.readAllBytes(OsvTestData.mini().resolve("TEST-2024-0005.json")));
        assertThat(v4.toAdvisory().cvss()).hasValueSatisfying(c -> assertThat(c.version()).isEqualTo("4.0"));
    }

    @Test
    void unquotedYamlNumbersKeepTheirDigits() throws Exception {
        String yaml = """
                id: X-1
                affected:
                - package: {name: a, ecosystem: PyPI}
                  ranges:
                  - type: ECOSYSTEM
                    events:
                    - introduced: 1.10
                    - fixed: 2
                  versions: [1.10, 1.20]
                """;
        OsvRecord r = OsvParser.parse(yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.affected().getFirst().ranges().getFirst().events()).extracting(OsvEvent::version).containsExactly("1.10", "2");
        assertThat(r.affected().getFirst().versions()).containsExactly("1.10", "1.20");
    }

    @Test
    void refusesWhatIsNotARecord() {
        assertThatThrownBy(() -> OsvParser.parse("[1,2]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> OsvParser.parse("{\"summary\":\"no id\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no id");
        assertThatThrownBy(() -> OsvParser.parse("{\"id\":\"x\",\"affected\":{}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a list");
        assertThatThrownBy(() -> OsvParser.parse("{\"id\":".getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> OsvParser.parse("id: [a, *b]\n".getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void refusesDeepNestingQuickly() {
        String deep = "{\"id\":\"x\",\"d\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> OsvParser.parse(deep.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRecordException.class);
        String yamlBomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n".repeat(1)
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nid: x\n";
        // Aliases are not expanded into copies, so a "billion laughs" document stays small: it reads or is refused.
        try {
            assertThat(OsvParser.parse(yamlBomb.getBytes(StandardCharsets.UTF_8)).id()).isEqualTo("x");
        } catch (InvalidRecordException expected) {
            assertThat(expected).hasMessageContaining("record");
        }
    }

    @Test
    void everyCopiedPypaAdvisoryParses() {
        assertThat(OsvTestData.records(OsvTestData.pypa())).hasSize(564)
                .allSatisfy(r -> assertThat(r.id()).startsWith("PYSEC-"));
    }
}
