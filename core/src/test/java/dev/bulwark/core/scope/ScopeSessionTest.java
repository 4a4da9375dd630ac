package dev.bulwark.core.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scope fields of issue 4's targets: stream, session (login, extract, cookies) and the probes folder. */
class ScopeSessionTest {
    static final String SCOPE = """
            engagement: {name: Sessions}
            rules:
              allowedHosts: [127.0.0.1]
            targets:
              - id: bot
                kind: llm-chat
                url: http://127.0.0.1:8080/v1/chat/completions
                model: m
                stream: true
              - id: shop
                kind: http
                url: http://127.0.0.1:8080/api/chat
                stream: true
                headers: {Authorization: "Bearer {{token}}", X-CSRF: "{{csrf}}"}
                request: '{"q": "{{prompt}}", "session": "{{token}}"}'
                session:
                  login:
                    url: http://127.0.0.1:8080/login
                    body: '{"user": "demo", "password": "${SHOP_PASSWORD}"}'
                    headers: {Content-Type: application/json}
                  extract:
                    - {name: token, jsonPath: $.token}
                    - {name: csrf, header: X-CSRF-Token}
            """;

    @TempDir
    Path dir;

    Scope load(String yaml) throws Exception {
        Path file = dir.resolve("bulwark.yaml");
        Files.writeString(file, yaml);
        return ScopeLoader.load(file, Map.of("SHOP_PASSWORD", "hunter2-secret"));
    }

    ScopeException problem(String yaml) {
        return (ScopeException) org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
    }

    @Test
    void streamAndSessionAreRead() throws Exception {
        Scope scope = load(SCOPE);
        assertThat(((LlmChatTarget) scope.targets().get(0)).stream()).isTrue();
        HttpTarget shop = (HttpTarget) scope.targets().get(1);
        assertThat(shop.stream()).isTrue();
        SessionRecipe session = shop.session().orElseThrow();
        assertThat(session.method()).isEqualTo("POST");
        assertThat(session.url()).isEqualTo(URI.create("http://127.0.0.1:8080/login"));
        assertThat(session.body()).contains("hunter2-secret");
        assertThat(session.toString()).doesNotContain("hunter2-secret");
        assertThat(session.cookies()).isTrue();
        assertThat(session.extract()).containsExactly(
                new SessionRecipe.Extract("token", SessionRecipe.Source.JSON_PATH, "$.token"),
                new SessionRecipe.Extract("csrf", SessionRecipe.Source.HEADER, "X-CSRF-Token"));
        assertThat(scope.probes()).isEmpty();
    }

    @Test
    void aVariableNoExtractDefinesIsAnErrorAtItsLine() {
        ScopeException e = problem(SCOPE.replace("X-CSRF: \"{{csrf}}\"", "X-CSRF: \"{{xsrf}}\""));
        assertThat(e.getMessage()).contains("bulwark.yaml:").contains("targets[1].headers.X-CSRF")
                .contains("{{xsrf}}").contains("defined: token, csrf");
        assertThat(e.line()).isEqualTo(14);
    }

    @Test
    void theLoginHostMustBeAllowed() {
        ScopeException e = problem(SCOPE.replace("url: http://127.0.0.1:8080/login", "url: http://evil.example/login"));
        assertThat(e.getMessage()).contains("targets[1].session.login.url").contains("not in rules.allowedHosts");
        assertThat(e.line()).isEqualTo(18);
    }

    @Test
    void extractNeedsExactlyOneSourceAndAValidPath() {
        assertThat(problem(SCOPE.replace("{name: csrf, header: X-CSRF-Token}", "{name: csrf}")).getMessage())
                .contains("targets[1].session.extract[1]").contains("exactly one of jsonPath");
        assertThat(problem(SCOPE.replace("jsonPath: $.token", "jsonPath: token")).getMessage())
                .contains("targets[1].session.extract[0].jsonPath").contains("starts with $");
        assertThat(problem(SCOPE.replace("{name: csrf, header", "{name: token, header")).getMessage())
                .contains("extracted twice");
        assertThat(problem(SCOPE.replace("    login:\n", "    logon:\n")).getMessage())
                .contains("targets[1].session");
    }

    @Test
    void theProbesFolderResolvesAgainstTheScopeFile() throws Exception {
        Files.createDirectories(dir.resolve("probes"));
        Scope scope = load(SCOPE + "probes: ./probes\n");
        assertThat(scope.probes()).contains(dir.resolve("probes").toAbsolutePath().normalize());
        assertThat(problem(SCOPE + "probes: ./nothing-here\n").getMessage()).contains("probes: no such folder");
    }

    @Test
    void oldConstructorsStillMakeNonStreamingTargets() {
        var t = new HttpTarget("f", URI.create("http://127.0.0.1/"), "POST", "{{prompt}}", "$", Map.of(),
                Optional.empty(), List.of(), List.of());
        assertThat(t.stream()).isFalse();
        assertThat(t.session()).isEmpty();
    }
}
