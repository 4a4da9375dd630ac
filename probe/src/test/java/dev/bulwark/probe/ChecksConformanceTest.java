package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.kb.WeaknessProfile;
import dev.bulwark.probe.fixture.TestEngagement;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every registered check: the registry, descriptors, knowledge-base mapping and the catalog doc agree. */
class ChecksConformanceTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void loadKb() {
        kb = KnowledgeBase.bundled();
    }

    static Stream<Check> checks() {
        return ServiceLoader.load(Check.class).stream().map(ServiceLoader.Provider::get);
    }

    @Test
    void registryHoldsTheFirstChecksWithUniqueIds() {
        List<String> ids = checks().map(c -> c.descriptor().id()).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).contains("llm.prompt-injection", "llm.system-prompt-leak", "api.missing-auth", "api.cors",
                "api.verbose-errors", "api.cleartext", "api.rate-limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void descriptorIsCompleteAndWellFormed(Check check) {
        CheckDescriptor d = check.descriptor();
        assertThat(d.id()).matches("(llm|api)\\.[a-z][a-z0-9-]*");
        assertThat(d.title()).isNotBlank();
        assertThat(d.sends()).isNotBlank();
        assertThat(d.description()).isNotBlank();
        assertThat(check.descriptor()).as("descriptor is a constant").isSameAs(d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void weaknessClassMapsToKnownCatalogIds(Check check) {
        WeaknessProfile profile = kb.profile(check.descriptor().weakness());
        assertThat(profile).isNotNull();
        assertThat(profile.cwe()).isNotEmpty();
        Stream.of(profile.cwe(), profile.owaspLlm(), profile.atlas()).flatMap(List::stream)
                .forEach(id -> assertThat(kb.lookup(id)).as(check.descriptor().id() + " maps to " + id).isPresent());
        assertThat(profile.cvss()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void handlesBothPromptTargetKinds(Check check) {
        URI url = URI.create("http://127.0.0.1:1/x");
        assertThat(check.handles(TestEngagement.chat(url, false, List.of()))).isTrue();
        assertThat(check.handles(TestEngagement.form(url, "$.a", false))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void everyCheckIsDocumentedInTheCatalog(Check check) throws IOException {
        Path catalog = Path.of("..", "docs", "checks.md");
        assertThat(catalog).exists();
        String doc = Files.readString(catalog);
        CheckDescriptor d = check.descriptor();
        assertThat(doc).contains("`" + d.id() + "`");
        WeaknessProfile profile = kb.profile(d.weakness());
        Stream.of(profile.cwe(), profile.owaspLlm(), profile.atlas()).flatMap(List::stream)
                .forEach(id -> assertThat(doc).as(d.id() + " doc names " + id).contains(id));
    }
}
