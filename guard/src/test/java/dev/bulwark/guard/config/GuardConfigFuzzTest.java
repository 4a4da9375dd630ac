package dev.bulwark.guard.config;

import dev.bulwark.core.config.ConfigException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever text a guard.yaml holds, the loader either returns a config or throws a ConfigException. */
class GuardConfigFuzzTest {
    private static final List<String> FRAGMENTS = List.of(":", "-", " ", "\n", "  ", "[", "]", "{", "}", "\"", "'",
            "&a", "*a", "!!binary", "|", ">", "#", "?", ",", "${", "$${", "${K}", "${NL}", "---", "~", "null",
            "\u0000", "\uFEFF", "\uD800", "port: 0", "port: -1", "window: 99999999d", "window: 0s",
            "url: ftp://x", "url: \"http://u:p@h\"", "keySha256: abc", "roles: [x]", "backend: redis",
            "tls: {certificate: /dev/null, privateKey: /nonexistent}", "keysFile: /dev/null", "keysFile: .",
            "systemPromptFile: ..", "99999999999999999999999", "1e400", "requestsPerMinute: 3000000000",
            "allowedOrigins: [\"*\"]", "jwt: {}", "audit: {path: null}", "clients: [{id: a}]", "off", "on", "yes",
            "pii: pseudonymize", "secrets: pseudonymize", "clientCertificates: require", "clientCa: /dev/null",
            "certificateSha256: \"AB:CD\"", "certificateSha256: " + "ab".repeat(32), "scope: {examples: [a]}",
            "scope: {examplesFile: /dev/null}", "examplesFile: .", "examplesFile: /nonexistent", "threshold: 2",
            "scope: {action: block}");
    private static final Map<String, String> ENV = Map.of("K", "value", "NL", "a\nb", "UPSTREAM_KEY", "sk-1");

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("bulwark-guard-fuzz");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    @Property(tries = 300)
    void mutatedConfigsOnlyEverFailWithConfigException(@ForAll("mutatedConfigs") String yaml) throws IOException {
        Path file = Files.write(dir.resolve("guard.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        try {
            GuardConfig config = GuardConfigLoader.load(file, ENV);
            assertThat(config.upstreams()).isNotEmpty();
        } catch (ConfigException e) {
            assertThat(e.getMessage()).contains(":");
            assertThat(e.line()).isGreaterThanOrEqualTo(0);
            assertThat(e.field()).isNotBlank();
        }
    }

    @Example
    void theUnmutatedSeedLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("seed.yaml"), seed());
        assertThat(GuardConfigLoader.load(file, ENV).upstreams()).hasSize(2);
    }

    /** The full example without the files it points at, so mutations start from a loadable config. */
    private static String seed() {
        return GuardConfigLoaderTest.FULL.replace("jwksFile: jwks.json", "jwksUrl: https://login.example.com/jwks")
                .replace("  tls: {certificate: cert.pem, privateKey: key.pem}\n", "")
                .replace("    systemPromptFile: prompt.txt\n", "")
                .replace("port: 8443", "port: 0");
    }

    @Provide
    Arbitrary<String> mutatedConfigs() {
        String seed = seed();
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<int[]> at = Arbitraries.integers().between(0, 10_000).array(int[].class).ofSize(2);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 2), at, fragment)
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(6).map(ms -> {
            String text = seed;
            for (Mutation m : ms) text = m.apply(text);
            return text;
        });
    }

    /** Insert, delete or replace a span of the text. */
    private record Mutation(int kind, int[] at, String fragment) {
        String apply(String text) {
            int a = text.isEmpty() ? 0 : at[0] % (text.length() + 1);
            int b = Math.min(text.length(), a + at[1] % 40);
            return switch (kind) {
                case 0 -> text.substring(0, a) + fragment + text.substring(a);
                case 1 -> text.substring(0, a) + text.substring(b);
                default -> text.substring(0, a) + fragment + text.substring(b);
            };
        }
    }
}
