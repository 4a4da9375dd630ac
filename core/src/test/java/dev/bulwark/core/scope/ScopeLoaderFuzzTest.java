package dev.bulwark.core.scope;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever bytes a scope file holds, the loader either returns a scope or throws a ScopeException. */
class ScopeLoaderFuzzTest {
    /** YAML's significant characters and a few hostile fragments; mutations built from these hit the parser's edges. */
    private static final List<String> FRAGMENTS = List.of(":", "-", " ", "\n", "\t", "[", "]", "{", "}", "\"", "'",
            "&a", "*a", "!!binary", "!tag", "|", ">", "#", "?", ",", "${", "}", "$${", "${X}", "---", "...", "%YAML 1.2",
            "\u0000", "\uFEFF", "\uD800", "kind: http", "kind: llm-chat", "url: ftp://x", "- id: x", "assets: [a]",
            "responsePath: $[", "allowedHosts: [\"*\"]", "99999999999999999999999", "1e400", "~", "null", "yes");
    private static final Map<String, String> ENV = Map.of("X", "value", "NEWLINE", "a\nb");

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("bulwark-scope-fuzz");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
    }

    @Property(tries = 250)
    void mutatedScopesOnlyEverFailWithScopeException(@ForAll("mutatedScopes") String yaml) throws IOException {
        assertOnlyScopeExceptions(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void randomBytesOnlyEverFailWithScopeException(@ForAll("randomBytes") byte[] bytes) throws IOException {
        assertOnlyScopeExceptions(bytes);
    }

    private static void assertOnlyScopeExceptions(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("fuzz.yaml"), bytes);
        try {
            Scope scope = ScopeLoader.load(file, ENV);
            assertThat(scope.engagement().name()).isNotNull();
        } catch (ScopeException e) {
            assertThat(e.getMessage()).startsWith(file + ":");
            assertThat(e.line()).isGreaterThanOrEqualTo(1);
            assertThat(e.field()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutatedScopes() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(MutationKind.class), Arbitraries.integers().between(0, 10_000), fragment)
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(6).map(ms -> {
            String text = ScopeLoaderTest.VALID;
            for (Mutation m : ms) text = m.apply(text);
            return text;
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    enum MutationKind { INSERT, DELETE, REPLACE, DUPLICATE_LINE, DROP_LINE }

    record Mutation(MutationKind kind, int position, String fragment) {
        String apply(String text) {
            if (text.isEmpty()) return fragment;
            int at = position % text.length();
            List<String> lines = text.lines().toList();
            int line = position % lines.size();
            return switch (kind) {
                case INSERT -> text.substring(0, at) + fragment + text.substring(at);
                case DELETE -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + position % 7));
                case REPLACE -> text.substring(0, at) + fragment + text.substring(Math.min(text.length(), at + fragment.length()));
                case DUPLICATE_LINE -> String.join("\n", concat(lines.subList(0, line + 1), lines.subList(line, lines.size())));
                case DROP_LINE -> String.join("\n", concat(lines.subList(0, line), lines.subList(line + 1, lines.size())));
            };
        }

        private static List<String> concat(List<String> a, List<String> b) {
            return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
        }
    }
}
