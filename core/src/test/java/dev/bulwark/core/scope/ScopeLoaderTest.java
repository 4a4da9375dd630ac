package dev.bulwark.core.scope;

import dev.bulwark.core.Classification;
import dev.bulwark.core.config.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeLoaderTest {
    /** A valid scope; tests break one thing in it. Line numbers below refer to this text. */
    static final String VALID = """
            engagement:
              name: Demo
              owner: Jane
            rules:
              allowedHosts: [127.0.0.1, api.example.com]
              maxRequestsPerSecond: 10
            assets:
              - id: customer-data
                kind: dataset
                classification: confidential
            targets:
              - id: bot
                kind: llm-chat
                url: http://127.0.0.1:8080/v1/chat/completions
                model: gpt-4o-mini
                assets: [customer-data]
              - id: form
                kind: http
                url: https://api.example.com/ask
                request: '{"q": "{{prompt}}"}'
                responsePath: $.answer
            """;

    @TempDir
    Path dir;

    Scope load(String yaml) throws Exception {
        return load(yaml, Map.of());
    }

    Scope load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("bulwark.yaml");
        Files.writeString(file, yaml);
        return ScopeLoader.load(file, env);
    }

    ScopeException problem(String yaml) {
        return problem(yaml, Map.of());
    }

    ScopeException problem(String yaml, Map<String, String> env) {
        Path file = dir.resolve("bulwark.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try {
            ScopeLoader.load(file, env);
        } catch (ScopeException e) {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": " + e.field() + ": ");
            return e;
        }
        throw new AssertionError("expected a ScopeException for:\n" + yaml);
    }

    static void assertAt(ScopeException e, int line, String field, String problemPart) {
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.problem()).as(e.getMessage()).contains(problemPart);
    }

    @Test
    void trustedCertificatesAreReadWhenTheScopeLoads() throws Exception {
        // a real self-signed certificate (EC P-256, CN=model.internal), PEM
        Files.writeString(dir.resolve("internal-ca.pem"), INTERNAL_CA);
        Scope scope = load(VALID + """
                tls:
                  trustedCertificates: [internal-ca.pem]
                """);
        assertThat(scope.trustedCertificates()).singleElement()
                .satisfies(c -> assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=model.internal"));
        assertThat(load(VALID).trustedCertificates()).isEmpty();

        assertAt(problem(VALID + "tls:\n  trustedCertificates: [missing.pem]\n"), 23, "tls.trustedCertificates[0]",
                "no such file: " + dir.resolve("missing.pem"));
        Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        assertAt(problem(VALID + "tls:\n  trustedCertificates: [internal-ca.pem, notes.txt]\n"), 23,
                "tls.trustedCertificates[1]", "not a PEM or DER certificate file");
        assertAt(problem(VALID + "tls:\n  trust: [internal-ca.pem]\n"), 23, "tls.trust", "unknown field");
    }

    static final String INTERNAL_CA = """
            -----BEGIN CERTIFICATE-----
            MIIBTDCB8qADAgECAgkAgfft4pH0hPAwCgYIKoZIzj0EAwMwGTEXMBUGA1UEAxMO
            bW9kZWwuaW50ZXJuYWwwIBcNMjYxMTI3MTMzNzA2WhgPMjEyNjExMDMxMzM3MDZa
            MBkxFzAVBgNVBAMTDm1vZGVsLmludGVybmFsMFkwEwYHKoZIzj0CAQYIKoZIzj0D
            AQcDQgAEVX/791zbyysgUGzkRAoml9O8i99deBxrpKjZh81IEQuMZ/Pj8WTxmoOx
            ujRx/mjU5pZfXqwRwMpmSTgYu4fGQKMhMB8wHQYDVR0OBBYEFEhKF3uLSds8lanF
            ybeZlpiIn0lEMAoGCCqGSM49BAMDA0kAMEYCIQD5jObvwViXcpyB0cOgXZ0mtg4v
            4kx+zH0/lt6CJpprbQIhAISyFtTmfzEEjvjTgNLr1PYNxKATY9XEUF/nZi24C74A
            -----END CERTIFICATE-----
            """;

    @Test
    void mapsADatasetTargetAndRefusesUnknownFields() throws Exception {
        Files.writeString(dir.resolve("customers.csv"), "id,email\n1,a@example.com\n");
        String yaml = VALID + """
                  - id: training
                    kind: dataset
                    paths: [customers.csv]
                    quasiIdentifiers: [age, zip]
                    sensitive: diagnosis
                    sampleRows: 0
                    assets: [customer-data]
                """;
        DatasetTarget data = (DatasetTarget) load(yaml).targets().get(2);
        assertThat(data).isEqualTo(new DatasetTarget("training", List.of(dir.resolve("customers.csv")),
                List.of("age", "zip"), Optional.of("diagnosis"), Optional.empty(), 0, List.of("customer-data")));
        assertThat(data.kind().id()).isEqualTo("dataset");

        ScopeException unknown = problem(VALID + """
                  - {id: training, kind: dataset, paths: [customers.csv], quasi: [age]}
                """);
        assertAt(unknown, 22, "targets[2].quasi", "");
        ScopeException missing = problem(VALID + """
                  - {id: training, kind: dataset, paths: [nowhere.csv]}
                """);
        assertAt(missing, 22, "targets[2].paths[0]", "no such file");
    }

    @Test
    void mapsEveryFieldOfAValidScope() throws Exception {
        Scope scope = load(VALID);

        assertThat(scope.source()).isEqualTo(dir.resolve("bulwark.yaml"));
        assertThat(scope.engagement()).isEqualTo(new Scope.Engagement("Demo", "Jane"));
        assertThat(scope.rules().allowedHosts()).containsExactly("127.0.0.1", "api.example.com");
        assertThat(scope.rules().maxRequestsPerSecond()).isEqualTo(10.0);
        assertThat(scope.assets()).containsExactly(
                new Asset("customer-data", Asset.AssetKind.DATASET, Classification.CONFIDENTIAL, ""));
        assertThat(scope.targets()).hasSize(2);
        LlmChatTarget bot = (LlmChatTarget) scope.targets().get(0);
        assertThat(bot).isEqualTo(new LlmChatTarget("bot", URI.create("http://127.0.0.1:8080/v1/chat/completions"),
                "gpt-4o-mini", Optional.empty(), List.of(), List.of("customer-data")));
        HttpTarget form = (HttpTarget) scope.targets().get(1);
        assertThat(form.request()).isEqualTo("{\"q\": \"{{prompt}}\"}");
        assertThat(form.responsePath()).isEqualTo("$.answer");
    }

    @Test
    void appliesTheDocumentedDefaults() throws Exception {
        Scope scope = load("""
                engagement: {name: x}
                rules: {allowedHosts: [localhost]}
                targets:
                  - {id: f, kind: http, url: "http://localhost/x"}
                """);

        RulesOfEngagement rules = scope.rules();
        assertThat(rules.maxRequestsPerSecond()).isEqualTo(5.0);
        assertThat(rules.maxRequests()).isEqualTo(1000);
        assertThat(rules.destructive()).isFalse();
        assertThat(rules.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rules.maxRetries()).isEqualTo(3);
        assertThat(rules.notBefore()).isEqualTo(Instant.MIN);
        assertThat(rules.notAfter()).isEqualTo(Instant.MAX);
        assertThat(scope.engagement().owner()).isEmpty();
        assertThat(scope.assets()).isEmpty();
        assertThat(scope.threatActors()).isEmpty();
        HttpTarget f = (HttpTarget) scope.targets().get(0);
        assertThat(f.method()).isEqualTo("POST");
        assertThat(f.request()).isEqualTo("{\"prompt\": \"{{prompt}}\"}");
        assertThat(f.responsePath()).isEqualTo("$");
        assertThat(f.headers()).isEmpty();
        assertThat(f.auth()).isEmpty();
    }

    @Test
    void mapsRulesWindowActorsBoundariesAuthAndHeaders() throws Exception {
        Scope scope = load("""
                engagement: {name: x, owner: y}
                rules:
                  allowedHosts: ["::1", Example.COM]
                  maxRequestsPerSecond: 0.5
                  maxRequests: 2000
                  destructive: true
                  requestTimeoutSeconds: 12
                  maxRetries: 0
                  window: {notBefore: "2026-11-26T08:00:00Z", notAfter: "2026-11-26T18:00:00+01:00"}
                targets:
                  - id: bot
                    kind: llm-chat
                    url: "http://[::1]:9/v1/chat/completions"
                    model: m
                    auth: {header: Authorization, value: "Bearer ${KEY}"}
                    systemPromptCanaries: [ZEBRA-CANARY-42]
                  - id: form
                    kind: http
                    url: "https://example.com/ask"
                    method: PUT
                    headers: {X-Tenant: "${TENANT}"}
                threatActors: [cybercrime, nation-state]
                trustBoundaries: [{from: internet, to: bot, description: users}]
                """, Map.of("KEY", "sk-secret", "TENANT", "acme"));

        RulesOfEngagement rules = scope.rules();
        assertThat(rules.allowedHosts()).containsExactly("::1", "example.com");
        assertThat(rules.maxRequestsPerSecond()).isEqualTo(0.5);
        assertThat(rules.maxRequests()).isEqualTo(2000);
        assertThat(rules.destructive()).isTrue();
        assertThat(rules.requestTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(rules.maxRetries()).isZero();
        assertThat(rules.notBefore()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(rules.notAfter()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
        LlmChatTarget bot = (LlmChatTarget) scope.target("bot").orElseThrow();
        assertThat(bot.auth()).contains(new Auth("Authorization", "Bearer sk-secret"));
        assertThat(bot.systemPromptCanaries()).containsExactly("ZEBRA-CANARY-42");
        HttpTarget form = (HttpTarget) scope.target("form").orElseThrow();
        assertThat(form.method()).isEqualTo("PUT");
        assertThat(form.headers()).containsEntry("X-Tenant", "acme");
        assertThat(scope.threatActors()).containsExactly(ThreatActor.CYBERCRIME, ThreatActor.NATION_STATE);
        assertThat(scope.trustBoundaries()).containsExactly(new Scope.TrustBoundary("internet", "bot", "users"));
    }

    @Test
    void yamlSyntaxError() {
        ScopeException e = problem(VALID.replace("  owner: Jane", "  owner: Jane: Doe"));
        assertAt(e, 3, "engagement.owner", "YAML syntax error");
    }

    @Test
    void unknownFieldSuggestsTheKnownOne() {
        ScopeException e = problem(VALID.replace("  maxRequestsPerSecond: 10", "  maxRequestPerSecond: 10"));
        assertAt(e, 6, "rules.maxRequestPerSecond", "unknown field 'maxRequestPerSecond'");
        assertThat(e.problem()).contains("did you mean 'maxRequestsPerSecond'").contains("allowedHosts");
    }

    @Test
    void unknownFieldInATarget() {
        ScopeException e = problem(VALID.replace("    model: gpt-4o-mini", "    model: gpt-4o-mini\n    temperature: 1"));
        assertAt(e, 16, "targets[0].temperature", "unknown field 'temperature'");
    }

    @Test
    void unknownTargetKind() {
        ScopeException e = problem(VALID.replace("kind: http", "kind: grpc"));
        assertAt(e, 18, "targets[1].kind", "unknown target kind 'grpc'; expected one of: llm-chat, http");
    }

    @Test
    void badClassification() {
        ScopeException e = problem(VALID.replace("classification: confidential", "classification: secret"));
        assertAt(e, 10, "assets[0].classification", "unknown value 'secret'");
        assertThat(e.problem()).contains("public, internal, confidential, restricted");
    }

    @Test
    void missingUrlPointsAtTheTarget() {
        ScopeException e = problem(VALID.replace("    url: https://api.example.com/ask\n", ""));
        assertAt(e, 17, "targets[1].url", "missing required field");
    }

    @Test
    void targetHostOutsideTheAllowList() {
        ScopeException e = problem(VALID.replace("https://api.example.com/ask", "https://evil.example.net/ask"));
        assertAt(e, 19, "targets[1].url", "host 'evil.example.net' is not in rules.allowedHosts");
    }

    @Test
    void allowListIsAnExactHostMatch() {
        ScopeException e = problem(VALID.replace("https://api.example.com/ask", "https://api.example.com.evil.net/ask"));
        assertAt(e, 19, "targets[1].url", "not in rules.allowedHosts");
    }

    @Test
    void unknownAssetReference() {
        ScopeException e = problem(VALID.replace("assets: [customer-data]", "assets: [customer-data, crm]"));
        assertAt(e, 16, "targets[0].assets[1]", "unknown asset 'crm'; defined assets: customer-data");
    }

    @Test
    void duplicateTargetIds() {
        ScopeException e = problem(VALID.replace("id: form", "id: bot"));
        assertAt(e, 17, "targets[1].id", "duplicate id 'bot' (also targets[0])");
    }

    @Test
    void duplicateAssetIds() {
        ScopeException e = problem(VALID.replace("targets:", """
                  - id: customer-data
                    kind: model
                    classification: internal
                targets:"""));
        assertAt(e, 11, "assets[1].id", "duplicate id 'customer-data'");
    }

    @Test
    void undefinedVariableIsNamed() {
        ScopeException e = problem(VALID.replace("model: gpt-4o-mini", "model: gpt-4o-mini\n    auth: {header: Authorization, value: \"Bearer ${OPENAI_API_KEY}\"}"));
        assertAt(e, 16, "targets[0].auth.value", "${OPENAI_API_KEY} is not set");
    }

    @Test
    void variablesExpandAndDoubleDollarEscapes() throws Exception {
        Scope scope = load(VALID.replace("name: Demo", "name: \"${TEAM} $${NOT_A_VAR} $5\""), Map.of("TEAM", "ops"));
        assertThat(scope.engagement().name()).isEqualTo("ops ${NOT_A_VAR} $5");
    }

    @Test
    void expandedValuesAreNotExpandedAgain() throws Exception {
        Scope scope = load(VALID.replace("name: Demo", "name: \"${A}\""), Map.of("A", "${B}", "B", "no"));
        assertThat(scope.engagement().name()).isEqualTo("${B}");
    }

    @Test
    void responsePathMustStartWithDollar() {
        ScopeException e = problem(VALID.replace("responsePath: $.answer", "responsePath: answer"));
        assertAt(e, 21, "targets[1].responsePath", "starts with $");
    }

    @Test
    void malformedVariable() {
        ScopeException e = problem(VALID.replace("name: Demo", "name: \"${TEAM\""));
        assertAt(e, 2, "engagement.name", "without a closing '}'");
    }

    @Test
    void urlThatIsNotHttp() {
        ScopeException e = problem(VALID.replace("https://api.example.com/ask", "ftp://api.example.com/ask"));
        assertAt(e, 19, "targets[1].url", "must be an http:// or https:// URL, not ftp:");
    }

    @Test
    void urlWithCredentials() {
        ScopeException e = problem(VALID.replace("https://api.example.com/ask", "https://me:pw@api.example.com/ask"));
        assertAt(e, 19, "targets[1].url", "put them in auth");
        assertThat(e.getMessage()).doesNotContain("pw@");
    }

    @Test
    void requestTemplateWithoutPrompt() {
        ScopeException e = problem(VALID.replace("{\"q\": \"{{prompt}}\"}", "{\"q\": \"{{question}}\"}"));
        assertAt(e, 20, "targets[1].request", "must contain {{prompt}}");
    }

    @Test
    void responsePathThatIsNotJsonPath() {
        ScopeException e = problem(VALID.replace("responsePath: $.answer", "responsePath: \"$.choices[0\""));
        assertAt(e, 21, "targets[1].responsePath", "not a valid JSONPath");
    }

    @Test
    void emptyFile() {
        assertAt(problem(""), 1, "(document)", "the file is empty");
        assertAt(problem("# just a comment\n"), 1, "(document)", "the file is empty");
    }

    @Test
    void fileThatIsNotAMapping() {
        assertAt(problem("- engagement\n- rules\n"), 1, "(document)", "must be a YAML mapping (key: value), found a list");
        assertAt(problem("hello\n"), 1, "(document)", "found a string");
    }

    @Test
    void hugeFileIsRefusedBeforeParsing() {
        String huge = "engagement: {name: x}\n# " + "x".repeat(ScopeLoader.MAX_FILE_BYTES) + "\n";
        assertAt(problem(huge), 1, "(document)", "larger than 1024 KiB");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "engagement: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        ScopeException e = problem(deep);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).startsWith("engagement[0][0]");
        assertThat(e.problem()).isEqualTo("nested deeper than " + YamlReader.MAX_DEPTH + " levels");
    }

    @Test
    void deepBlockNestingIsRefused() {
        StringBuilder yaml = new StringBuilder("engagement:\n");
        for (int i = 1; i < 60; i++) yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
        ScopeException e = problem(yaml.toString());
        assertThat(e.problem()).contains("nested deeper than");
        assertThat(e.line()).isEqualTo(YamlReader.MAX_DEPTH + 1);
    }

    @Test
    void duplicateKey() {
        ScopeException e = problem(VALID.replace("  owner: Jane", "  owner: Jane\n  name: Other"));
        assertAt(e, 4, "engagement.name", "duplicate key 'name'");
    }

    @Test
    void aliasesAreRefused() {
        ScopeException e = problem(VALID.replace("  owner: Jane", "  owner: &o Jane") + "trustBoundaries: [{from: *o, to: bot}]\n");
        assertAt(e, 22, "trustBoundaries[0].from", "aliases");
    }

    @Test
    void severalDocumentsAreRefused() {
        assertAt(problem(VALID + "---\nengagement: {name: y}\n"), 23, "(document)", "more than one YAML document");
    }

    @Test
    void notUtf8() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "engagement:\n  name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScopeLoader.load(file, Map.of()))
                .isInstanceOfSatisfying(ScopeException.class, e -> assertAt(e, 2, "(document)", "not UTF-8"));
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScopeLoader.load(missing, Map.of()))
                .isInstanceOfSatisfying(ScopeException.class, e -> assertAt(e, 0, "(file)", "no such file"));
        assertThatThrownBy(() -> ScopeLoader.load(dir, Map.of()))
                .isInstanceOfSatisfying(ScopeException.class, e -> assertAt(e, 0, "(file)", "is a directory"));
    }

    @Test
    void wrongTypeIsExplained() {
        ScopeException e = problem(VALID.replace("maxRequestsPerSecond: 10", "maxRequestsPerSecond: fast"));
        assertAt(e, 6, "rules.maxRequestsPerSecond", "expected a number, found a string");
    }

    @Test
    void allowedHostsTakeHostsOnly() {
        ScopeException e = problem(VALID.replace("[127.0.0.1, api.example.com]", "[127.0.0.1, \"https://api.example.com\"]"));
        assertAt(e, 5, "rules.allowedHosts[1]", "is a URL; write only its host name");
        ScopeException port = problem(VALID.replace("[127.0.0.1, api.example.com]", "[\"127.0.0.1:8080\", api.example.com]"));
        assertThat(port.problems()).extracting(ScopeException.Problem::field).contains("rules.allowedHosts[0]");
        assertThat(port.problem()).contains("has a port");
    }

    @Test
    void windowMustBeOrdered() {
        ScopeException e = problem(VALID.replace("  maxRequestsPerSecond: 10", "  window:\n"
                + "    notBefore: \"2026-11-27T00:00:00Z\"\n    notAfter: \"2026-11-26T00:00:00Z\""));
        assertAt(e, 8, "rules.window.notAfter", "must be later than notBefore");
    }

    @Test
    void restrictedHeadersAndHeaderInjectionAreRefused() {
        ScopeException e = problem(VALID.replace("responsePath: $.answer",
                "responsePath: $.answer\n    headers: {Host: evil, X-A: \"${V}\"}"), Map.of("V", "a\r\nX-Injected: 1"));
        assertThat(e.problems()).extracting(ScopeException.Problem::field)
                .containsExactly("targets[1].headers.Host", "targets[1].headers.X-A");
        assertThat(e.getMessage()).doesNotContain("X-Injected");
    }

    @Test
    void reportsSeveralProblemsSortedByLine() {
        ScopeException e = problem(VALID.replace("classification: confidential", "classification: secret")
                .replace("kind: http", "kind: grpc").replace("  owner: Jane", "  owner: Jane\n  boss: x"));
        assertThat(e.problems()).extracting(ScopeException.Problem::field)
                .containsExactly("engagement.boss", "assets[0].classification", "targets[1].kind");
        assertThat(e.getMessage().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith(e.file() + ":"));
    }

    @Test
    void secretsNeverAppearInMessages() {
        ScopeException e = problem(VALID.replace("model: gpt-4o-mini",
                "model: gpt-4o-mini\n    auth: {header: Host, value: \"Bearer ${KEY}\"}"), Map.of("KEY", "sk-very-secret-value"));
        assertThat(e.getMessage()).doesNotContain("sk-very-secret-value");
    }

    @Test
    void parseUsesTheGivenSourceName() {
        Path source = Path.of("generated.yaml");
        assertThatThrownBy(() -> ScopeLoader.parse("rules: {}\n", source, Map.of()))
                .isInstanceOfSatisfying(ScopeException.class, e -> {
                    assertThat(e.file()).isEqualTo(source);
                    assertThat(e.problems()).extracting(ScopeException.Problem::field)
                            .contains("engagement", "rules.allowedHosts");
                });
    }
}
