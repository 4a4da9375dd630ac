package dev.bulwark.guard.config;

import dev.bulwark.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GuardConfigLoaderTest {
    static final String MINIMAL = """
            listen: {host: 127.0.0.1, port: 0}
            upstreams:
              - id: main
                url: http://127.0.0.1:11434
            """;

    static final Map<String, String> ENV = Map.of("UPSTREAM_KEY", "sk-upstream-secret", "OTHER", "unrelated-secret");

    @TempDir
    Path dir;

    GuardConfig load(String yaml) throws Exception {
        return load(yaml, ENV);
    }

    GuardConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("guard.yaml");
        Files.writeString(file, yaml);
        return GuardConfigLoader.load(file, env);
    }

    ConfigException problem(String yaml) {
        return problem(yaml, ENV);
    }

    ConfigException problem(String yaml, Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> load(yaml, env));
    }

    static void assertAt(ConfigException e, int line, String field, String message) {
        assertThat(e).as("expected a problem").isNotNull();
        assertThat(e.problems()).as(e.getMessage())
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.problem()).contains(message);
                });
    }

    @Test
    void minimalConfigTurnsEveryProtectionOn() throws Exception {
        GuardConfig c = load(MINIMAL);
        assertThat(c.listen()).isEqualTo(new Listen("127.0.0.1", 0, null));
        assertThat(c.admin()).as("listen.port 0: any free admin port too").isEqualTo(new Admin(true, "127.0.0.1", 0));
        assertThat(c.upstreams()).containsExactly(new Upstream("main", URI.create("http://127.0.0.1:11434"),
                Upstream.Flavor.OPENAI, null, List.of("*"), Duration.ofSeconds(120), null));
        assertThat(c.clients()).as("no client can call without a key").isEmpty();
        assertThat(c.keysFile()).isEqualTo(dir.resolve("guard-keys.jsonl"));
        assertThat(c.roles()).extracting(RoleConfig::name).containsExactly("chat", "embeddings");
        assertThat(c.roles().get(0).routes()).containsExactly("chat", "completions", "models");
        assertThat(c.jwt()).isNull();
        Policies p = c.policies();
        assertThat(p.input()).isEqualTo(new InputPolicy(262_144, 256, null, Action.BLOCK, 0.5, true, true, Action.REDACT,
                Action.BLOCK));
        assertThat(p.output()).isEqualTo(new OutputPolicy(Action.REDACT, Action.REDACT, List.of(), null,
                OutputPolicy.ImageAction.STRIP_EXTERNAL, List.of(), OutputPolicy.HtmlAction.ESCAPE, false,
                OutputPolicy.ToolCallAction.BLOCK));
        assertThat(p.extraction()).isEqualTo(new ExtractionPolicy(true, Duration.ofHours(1), 1000, 0.3, 50, 0.8,
                ExtractionPolicy.ExtractionAction.THROTTLE));
        assertThat(p.cors().allowedOrigins()).isEmpty();
        assertThat(p.defaultLimits()).isEqualTo(new Limits(60, null, null, 200_000L, null, 5));
        assertThat(p.globalLimits()).isEqualTo(Limits.NONE);
        assertThat(p.perIpLimits()).isEqualTo(new Limits(120, null, null, null, null));
        assertThat(p.failClosed()).isTrue();
        assertThat(c.audit()).isEqualTo(new AuditConfig(dir.resolve("audit.jsonl"), null,
                dir.resolve("audit-signing.pem"), 1000, AuditConfig.TextMode.HASH, null,
                new AuditConfig.Rotation(256L << 20, 0), null));
        assertThat(c.state()).isEqualTo(new StateConfig(StateConfig.Backend.MEMORY, null));
        assertThat(c.alerts()).isEqualTo(new AlertsConfig(null));
    }

    static final String FULL = """
            listen:
              host: 0.0.0.0
              port: 8443
              tls: {certificate: cert.pem, privateKey: key.pem}
            admin: {host: 127.0.0.1, port: 9091, enabled: false}
            upstreams:
              - id: azure
                url: https://example.openai.azure.com
                flavor: azure
                auth: {header: api-key, value: "${UPSTREAM_KEY}"}
                models: [gpt-4o, "gpt-4o-*"]
                timeoutSeconds: 30
              - id: local
                url: http://127.0.0.1:11434
                flavor: ollama
                auth: {header: Authorization, value: "Bearer ${UPSTREAM_KEY}"}
            clients:
              - id: support-app
                keySha256: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                roles: [chat, search]
                limits: {requestsPerMinute: 10, tokensPerDay: null, maxConcurrent: 2}
              - id: jwt-user
            keysFile: keys/issued.jsonl
            roles:
              - {name: search, routes: [embeddings], models: [text-embedding-3-small]}
              - {name: chat, routes: [chat], tools: [lookup_order, "get_*"]}
            jwt:
              jwksFile: jwks.json
              issuer: https://login.example.com
              audiences: [bulwark]
              clockSkewSeconds: 30
              jwksRefreshSeconds: 600
            policies:
              input: {maxBytes: 32768, maxMessages: 50, maxTokens: 4096, injection: flag, injectionThreshold: 0.7, learnedModel: false, modelTriage: false, pii: block, secrets: redact}
              output:
                pii: flag
                secrets: block
                systemPromptCanaries: ["canary-7f3a9c"]
                systemPromptFile: prompt.txt
                markdownImages: strip-all
                allowedImageHosts: [Images.Example.com]
                html: strip
                allowLogprobs: true
                toolCalls: flag
              extraction: {enabled: true, window: 30m, maxRequests: 500, minDistinctRatio: 0.5, minSample: 20, maxProbeScore: 0.9, action: block}
              cors: {allowedOrigins: ["HTTPS://App.Example.com", "http://localhost:3000"]}
              limits:
                default: {requestsPerMinute: 30}
                global: {requestsPerMinute: 1000, tokensPerMinute: 500000}
                perIp: {requestsPerMinute: 200, maxConcurrent: 20}
              failClosed: false
            audit:
              path: null
              postgresUrl: jdbc:postgresql://127.0.0.1:5432/audit
              signingKey: /etc/bulwark/audit.pem
              checkpointEvery: 10
              text: redacted
              instanceId: gw-1
              rotateMegabytes: 64
              keepFiles: 30
              anchorWebhook: "https://receipts.example.com/bulwark"
            state: {backend: redis, redisUrl: "redis://127.0.0.1:6379"}
            alerts: {webhook: "https://hooks.example.com/bulwark"}
            """;

    void filesOfTheFullExample() throws IOException {
        for (String f : List.of("cert.pem", "key.pem", "jwks.json", "prompt.txt")) Files.writeString(dir.resolve(f), "x");
    }

    @Test
    void fullConfigIsReadFieldByField() throws Exception {
        filesOfTheFullExample();
        GuardConfig c = load(FULL);
        assertThat(c.source()).isEqualTo(dir.resolve("guard.yaml"));
        assertThat(c.listen()).isEqualTo(new Listen("0.0.0.0", 8443,
                new TlsConfig(dir.resolve("cert.pem"), dir.resolve("key.pem"))));
        assertThat(c.admin()).isEqualTo(new Admin(false, "127.0.0.1", 9091));
        assertThat(c.upstreams()).containsExactly(
                new Upstream("azure", URI.create("https://example.openai.azure.com"), Upstream.Flavor.AZURE,
                        new HeaderValue("api-key", "sk-upstream-secret"), List.of("gpt-4o", "gpt-4o-*"),
                        Duration.ofSeconds(30), "2024-10-21"),
                new Upstream("local", URI.create("http://127.0.0.1:11434"), Upstream.Flavor.OLLAMA,
                        new HeaderValue("Authorization", "Bearer sk-upstream-secret"), List.of("*"),
                        Duration.ofSeconds(120), null));
        assertThat(c.clients()).containsExactly(
                new ClientConfig("support-app", "a".repeat(64), List.of("chat", "search"),
                        new Limits(10, null, null, null, 2, 5)),
                new ClientConfig("jwt-user", null, List.of("chat"), new Limits(30, null, null, 200_000L, null, 5)));
        assertThat(c.keysFile()).isEqualTo(dir.resolve("keys/issued.jsonl"));
        assertThat(c.roles()).containsExactly(
                new RoleConfig("chat", List.of("chat"), List.of("*"), List.of("lookup_order", "get_*")),
                new RoleConfig("embeddings", List.of("embeddings", "models"), List.of("*")),
                new RoleConfig("search", List.of("embeddings"), List.of("text-embedding-3-small")));
        assertThat(c.jwt()).isEqualTo(new JwtConfig(null, dir.resolve("jwks.json"), "https://login.example.com",
                List.of("bulwark"), "sub", "roles", Duration.ofSeconds(30), Duration.ofSeconds(600)));
        Policies p = c.policies();
        assertThat(p.input()).isEqualTo(new InputPolicy(32768, 50, 4096, Action.FLAG, 0.7, false, false, Action.BLOCK,
                Action.REDACT));
        assertThat(p.output()).isEqualTo(new OutputPolicy(Action.FLAG, Action.BLOCK, List.of("canary-7f3a9c"),
                dir.resolve("prompt.txt"), OutputPolicy.ImageAction.STRIP_ALL, List.of("images.example.com"),
                OutputPolicy.HtmlAction.STRIP, true, OutputPolicy.ToolCallAction.FLAG));
        assertThat(p.extraction()).isEqualTo(new ExtractionPolicy(true, Duration.ofMinutes(30), 500, 0.5, 20, 0.9,
                ExtractionPolicy.ExtractionAction.BLOCK));
        assertThat(p.cors().allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(p.defaultLimits()).isEqualTo(new Limits(30, null, null, 200_000L, null, 5));
        assertThat(p.globalLimits()).isEqualTo(new Limits(1000, null, 500_000L, null, null));
        assertThat(p.perIpLimits()).isEqualTo(new Limits(200, null, null, null, 20));
        assertThat(p.failClosed()).isFalse();
        assertThat(c.audit()).isEqualTo(new AuditConfig(null, "jdbc:postgresql://127.0.0.1:5432/audit",
                Path.of("/etc/bulwark/audit.pem"), 10, AuditConfig.TextMode.REDACTED, "gw-1",
                new AuditConfig.Rotation(64L << 20, 30), URI.create("https://receipts.example.com/bulwark")));
        assertThat(c.state()).isEqualTo(new StateConfig(StateConfig.Backend.REDIS, URI.create("redis://127.0.0.1:6379")));
        assertThat(c.alerts()).isEqualTo(new AlertsConfig(URI.create("https://hooks.example.com/bulwark")));
    }

    @Test
    void durationsTakeEveryUnit() throws Exception {
        for (var c : Map.of("30s", Duration.ofSeconds(30), "5m", Duration.ofMinutes(5), "1h", Duration.ofHours(1),
                "1d", Duration.ofDays(1)).entrySet()) {
            GuardConfig config = load(MINIMAL + "policies: {extraction: {window: " + c.getKey() + "}}\n");
            assertThat(config.policies().extraction().window()).isEqualTo(c.getValue());
        }
    }

    @Test
    void badDuration() {
        assertAt(problem(MINIMAL + "policies:\n  extraction: {window: 1 hour}\n"), 6, "policies.extraction.window",
                "must match");
        assertAt(problem(MINIMAL + "policies:\n  extraction: {window: 0m}\n"), 6, "policies.extraction.window",
                "longer than 0");
    }

    @Test
    void unknownFieldIsAnErrorEverywhere() {
        assertAt(problem(MINIMAL + "listn: {port: 1}\n"), 5, "listn", "unknown field 'listn'");
        ConfigException nested = problem(MINIMAL.replace("url: http://127.0.0.1:11434",
                "url: http://127.0.0.1:11434\n    timeout: 5"));
        assertAt(nested, 5, "upstreams[0].timeout", "unknown field 'timeout'");
        assertThat(nested.problem()).contains("allowed: apiVersion, auth, flavor, id, models, timeoutSeconds, tls, url");
        assertAt(problem(MINIMAL + "policies: {input: {pii: redact, secret: block}}\n"), 5,
                "policies.input.secret", "did you mean 'secrets'?");
    }

    @Test
    void missingRequiredSections() {
        assertAt(problem("listen: {port: 1}\n"), 1, "upstreams", "missing required field");
        assertAt(problem(MINIMAL + "clients: [{roles: [chat]}]\n"), 5, "clients[0].id",
                "missing required field");
    }

    @Test
    void badEnumValueListsTheChoices() {
        assertAt(problem(MINIMAL + "policies: {input: {injection: redact}}\n"), 5, "policies.input.injection",
                "unknown value 'redact'; expected one of: block, flag, off");
    }

    @Test
    void envVariablesAreExpanded() throws Exception {
        GuardConfig c = load(MINIMAL.replace("url: http://127.0.0.1:11434",
                "url: http://${HOST}:11434\n    auth: {header: Authorization, value: \"Bearer ${UPSTREAM_KEY}\"}"),
                Map.of("HOST", "10.0.0.5", "UPSTREAM_KEY", "k1"));
        assertThat(c.upstreams().get(0).url()).isEqualTo(URI.create("http://10.0.0.5:11434"));
        assertThat(c.upstreams().get(0).auth().value()).isEqualTo("Bearer k1");
        assertThat(c.upstreams().get(0).auth().toString()).doesNotContain("k1");
    }

    @Test
    void unknownEnvVariableIsNamedAndNoValueIsPrinted() {
        ConfigException e = problem(MINIMAL.replace("url: http://127.0.0.1:11434",
                "url: http://127.0.0.1:11434\n    auth: {header: Authorization, value: \"Bearer ${MISSING_KEY}\"}"));
        assertAt(e, 5, "upstreams[0].auth.value", "environment variable ${MISSING_KEY} is not set");
        assertThat(e.getMessage()).doesNotContain("sk-upstream-secret", "unrelated-secret");
    }

    @Test
    void headerValueWithALineBreakFromTheEnvironment() {
        ConfigException e = problem(MINIMAL.replace("url: http://127.0.0.1:11434",
                "url: http://127.0.0.1:11434\n    auth: {header: Authorization, value: \"${EVIL}\"}"),
                Map.of("EVIL", "x\r\nX-Injected: 1"));
        assertAt(e, 5, "upstreams[0].auth.value", "line break");
        assertThat(e.getMessage()).doesNotContain("X-Injected");
    }

    @Test
    void duplicateIds() {
        assertAt(problem(MINIMAL + "  - {id: main, url: \"http://127.0.0.1:1\"}\n"), 5, "upstreams[1].id",
                "duplicate upstream id 'main' (also upstreams[0])");
        String clients = "clients:\n  - {id: a, keySha256: \"" + "1".repeat(64) + "\"}\n  - {id: a, keySha256: \""
                + "2".repeat(64) + "\"}\n";
        assertAt(problem(MINIMAL + clients), 7, "clients[1].id", "duplicate client id 'a'");
        assertAt(problem(MINIMAL + "roles:\n  - {name: ops, routes: [models]}\n  - {name: ops, routes: [chat]}\n"),
                7, "roles[1].name", "duplicate role 'ops'");
        assertAt(problem(MINIMAL + "roles:\n  - {name: ops, routes: [chat], tools: refund_order}\n"),
                6, "roles[0].tools", "expected a list");
        String sameKey = "clients:\n  - {id: a, keySha256: \"" + "1".repeat(64) + "\"}\n  - {id: b, keySha256: \""
                + "1".repeat(64) + "\"}\n";
        assertAt(problem(MINIMAL + sameKey), 7, "clients[1].keySha256", "the same key as clients[0]");
    }

    @Test
    void roleReferencedButNotDefined() {
        assertAt(problem(MINIMAL + "clients:\n  - id: a\n    keySha256: \"" + "1".repeat(64) + "\"\n    roles: [chat, admin]\n"),
                8, "clients[0].roles[1]", "role 'admin' is not defined (defined: chat, embeddings");
    }

    @Test
    void keySha256MustBe64Hex() {
        assertAt(problem(MINIMAL + "clients:\n  - id: a\n    keySha256: not-a-hash\n"), 7, "clients[0].keySha256",
                "64 hex digits");
        assertAt(problem(MINIMAL + "clients:\n  - id: a\n    keySha256: \"" + "g".repeat(64) + "\"\n"), 7,
                "clients[0].keySha256", "64 hex digits");
        assertAt(problem(MINIMAL + "clients:\n  - id: a\n"), 6, "clients[0].keySha256", "could never authenticate");
    }

    @Test
    void upstreamUrlMustBeHttpWithoutCredentials() {
        assertAt(problem(MINIMAL.replace("http://127.0.0.1:11434", "ftp://127.0.0.1/x")), 4, "upstreams[0].url",
                "must be a http or https URL");
        ConfigException creds = problem(MINIMAL.replace("http://127.0.0.1:11434", "https://user:hunter2@api.example.com"));
        assertAt(creds, 4, "upstreams[0].url", "has credentials in it");
        assertThat(creds.getMessage()).doesNotContain("hunter2");
        assertAt(problem(MINIMAL.replace("http://127.0.0.1:11434", "127.0.0.1:11434")), 4, "upstreams[0].url",
                "must be a http or https URL");
    }

    @Test
    void tlsFilesMustExist() throws IOException {
        Files.writeString(dir.resolve("cert.pem"), "x");
        ConfigException e = problem(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen:\n  port: 0\n  tls:\n    certificate: cert.pem\n    privateKey: missing-key.pem"));
        assertAt(e, 5, "listen.tls.privateKey", "no such file: " + dir.resolve("missing-key.pem"));
        assertThat(e.problems()).hasSize(1);
    }

    @Test
    void clientsCanBePinnedByCertificateWhenTheListenerAsksForOne() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "x");
        Files.writeString(dir.resolve("key.pem"), "x");
        Files.writeString(dir.resolve("clients-ca.pem"), "x");
        String fingerprint = "AB:" + "0F:".repeat(30) + "12";
        String listen = "listen:\n  port: 0\n  tls: {certificate: cert.pem, privateKey: key.pem, %s}";
        String client = "clients:\n  - {id: billing, certificateSha256: \"%s\"}\n";
        GuardConfig config = load(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                listen.formatted("clientCertificates: require, clientCa: clients-ca.pem")) + client.formatted(fingerprint));

        assertThat(config.listen().tls().clientCertificates()).isEqualTo(TlsConfig.ClientCertificates.REQUIRE);
        assertThat(config.listen().tls().clientCa()).isEqualTo(dir.resolve("clients-ca.pem"));
        assertThat(config.clients()).singleElement().satisfies(c -> {
            assertThat(c.certificateSha256()).isEqualTo("ab" + "0f".repeat(30) + "12");
            assertThat(c.keySha256()).isNull();
        });
        assertThat(load(MINIMAL).listen().tls()).isNull();

        String plainTls = MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}", listen.formatted("clientCertificates: off"));
        assertAt(problem(plainTls + client.formatted(fingerprint)), 8, "clients[0].certificateSha256",
                "the listener does not ask for client certificates");
        String asking = MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}", listen.formatted("clientCertificates: request"));
        assertAt(problem(asking + client.formatted("not-a-fingerprint")), 8, "clients[0].certificateSha256",
                "64 hex digits");
        assertAt(problem(asking + client.formatted(fingerprint) + "  - {id: copy, certificateSha256: \"" + fingerprint
                + "\"}\n"), 9, "clients[1].certificateSha256", "the same certificate as clients[0]");
        assertAt(problem(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                listen.formatted("clientCa: clients-ca.pem"))), 3, "listen.tls.clientCa", "only used with");
        assertAt(problem(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                listen.formatted("clientCertificates: always"))), 3, "listen.tls.clientCertificates", "");
    }

    @Test
    void upstreamTrustedCertificatesAreReadWhenTheConfigLoads() throws Exception {
        X509Certificate ca = anyCertificateTheJdkShips();
        Files.writeString(dir.resolve("internal-ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        String https = MINIMAL.replace("http://127.0.0.1:11434", "https://models.internal:8443");

        GuardConfig config = load(https + "    tls: {trustedCertificates: [internal-ca.pem]}\n");
        assertThat(config.upstreams().get(0).trustedCertificates()).containsExactly(ca);
        assertThat(load(https).upstreams().get(0).trustedCertificates()).isEmpty();

        assertAt(problem(https + "    tls: {trustedCertificates: [missing.pem]}\n"), 5,
                "upstreams[0].tls.trustedCertificates[0]", "no such file: " + dir.resolve("missing.pem"));
        Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        assertAt(problem(https + "    tls: {trustedCertificates: [internal-ca.pem, notes.txt]}\n"), 5,
                "upstreams[0].tls.trustedCertificates[1]", "not a PEM or DER certificate file");
        assertAt(problem(MINIMAL + "    tls: {trustedCertificates: [internal-ca.pem]}\n"), 5,
                "upstreams[0].tls.trustedCertificates", "only used with an https url");
        assertAt(problem(https + "    tls: {trust: [internal-ca.pem]}\n"), 5, "upstreams[0].tls.trust", "unknown field");
    }

    /** A real certificate without making one: the first authority in the JDK's own trust store. */
    private static X509Certificate anyCertificateTheJdkShips() throws Exception {
        KeyStore cacerts = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(),
                (char[]) null);
        return (X509Certificate) cacerts.getCertificate(cacerts.aliases().nextElement());
    }

    @Test
    void clientTimeoutsDefaultAndTheSilenceLimitOutlastsEveryUpstream() throws Exception {
        assertThat(load(MINIMAL).listen().timeouts()).isEqualTo(ClientTimeouts.DEFAULTS);
        String slow = MINIMAL + "    timeoutSeconds: 600\n";
        assertThat(load(slow).listen().timeouts().silence()).isEqualTo(Duration.ofSeconds(630));
        GuardConfig set = load(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen: {port: 0, timeouts: {silenceSeconds: 200, bodySeconds: 10, idleSeconds: 5}}"));
        assertThat(set.listen().timeouts()).isEqualTo(new ClientTimeouts(Duration.ofSeconds(200),
                Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertAt(problem(slow.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen: {port: 0, timeouts: {silenceSeconds: 300}}")), 1, "listen.timeouts.silenceSeconds",
                "longer than the slowest upstream's timeoutSeconds (600)");
    }

    @Test
    void trustedProxiesAndTheConnectionCap() throws Exception {
        Listen defaults = load(MINIMAL).listen();
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.maxConnectionsPerAddress()).isEqualTo(256);
        Listen set = load(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen: {port: 0, maxConnectionsPerAddress: 0, trustedProxies: [10.0.0.0/8, '::1', 192.168.1.7]}"))
                .listen();
        assertThat(set.maxConnectionsPerAddress()).isZero();
        assertThat(set.trustedProxies()).extracting(Object::toString)
                .containsExactly("10.0.0.0/8", "::1/128", "192.168.1.7/32");
        ConfigException e = problem(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen:\n  port: 0\n  trustedProxies:\n    - 10.0.0.0/8\n    - lb.internal\n    - 10.0.0.0/40"));
        assertAt(e, 5, "listen.trustedProxies[1]", "'lb.internal' is not an IP address or CIDR block");
        assertAt(e, 6, "listen.trustedProxies[2]", "'10.0.0.0/40' is not");
        assertAt(problem(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen: {port: 0, maxConnectionsPerAddress: -1}")), 1, "listen.maxConnectionsPerAddress", "");
    }

    @Test
    void theForwardedHeaderIsXForwardedForUnlessTheRfc7239OneIsNamed() throws Exception {
        assertThat(load(MINIMAL).listen().forwardedHeader()).isEqualTo(ForwardedHeader.X_FORWARDED_FOR);
        assertThat(load(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen: {port: 0, trustedProxies: [10.0.0.0/8], forwardedHeader: forwarded}")).listen()
                .forwardedHeader()).isEqualTo(ForwardedHeader.FORWARDED);
        assertAt(problem(MINIMAL.replace("listen: {host: 127.0.0.1, port: 0}",
                "listen: {port: 0, forwardedHeader: x-real-ip}")), 1, "listen.forwardedHeader", "");
    }

    @Test
    void offIsAWordNotABoolean() throws Exception {
        // YAML 1.1 reads a bare off as false; the documented values must work as written
        GuardConfig config = load(MINIMAL + "policies: {input: {pii: off, injection: off}, output: {secrets: off}}\n");
        assertThat(config.policies().input().pii()).isEqualTo(Action.OFF);
        assertThat(config.policies().input().injection()).isEqualTo(Action.OFF);
        assertThat(config.policies().output().secrets()).isEqualTo(Action.OFF);
    }

    @Test
    void onlyInputPersonalDataTakesPseudonymize() throws Exception {
        assertThat(load(MINIMAL + "policies: {input: {pii: pseudonymize}}\n").policies().input().pii())
                .isEqualTo(Action.PSEUDONYMIZE);
        assertAt(problem(MINIMAL + "policies: {output: {pii: pseudonymize}}\n"), 5, "policies.output.pii", "");
        assertAt(problem(MINIMAL + "policies: {input: {secrets: pseudonymize}}\n"), 5, "policies.input.secrets", "");
    }

    @Test
    void theTopicRailIsOffWithoutExamplesAndBlocksWithThem() throws Exception {
        assertThat(load(MINIMAL).policies().input().scope()).isEqualTo(ScopePolicy.OFF);
        assertThat(load(MINIMAL).policies().input().scope().on()).isFalse();
        Files.writeString(dir.resolve("scope.txt"), "# what customers ask\n\nCan I rent a bike?\n  Do you deliver?  \n");

        ScopePolicy scope = load(MINIMAL + "policies:\n  input:\n    scope:\n      examples: [\"When are you open?\"]\n"
                + "      examplesFile: scope.txt\n      threshold: 0.45\n").policies().input().scope();

        assertThat(scope.action()).isEqualTo(Action.BLOCK);
        assertThat(scope.examples()).containsExactly("When are you open?", "Can I rent a bike?", "Do you deliver?");
        assertThat(scope.threshold()).isEqualTo(0.45);
        assertThat(load(MINIMAL + "policies: {input: {scope: {examples: [a], action: flag}}}\n").policies().input()
                .scope().action()).isEqualTo(Action.FLAG);
        assertThat(load(MINIMAL + "policies: {input: {scope: {action: off}}}\n").policies().input().scope().on())
                .isFalse();
    }

    @Test
    void topicRailMistakesAreNamed() throws IOException {
        assertAt(problem(MINIMAL + "policies: {input: {scope: {action: block}}}\n"), 5, "policies.input.scope.examples",
                "needs examples");
        assertAt(problem(MINIMAL + "policies: {input: {scope: {examples: [a], action: redact}}}\n"), 5,
                "policies.input.scope.action", "");
        assertAt(problem(MINIMAL + "policies: {input: {scope: {examples: [a], threshold: 1.5}}}\n"), 5,
                "policies.input.scope.threshold", "");
        assertAt(problem(MINIMAL + "policies: {input: {scope: {examplesFile: nowhere.txt}}}\n"), 5,
                "policies.input.scope.examplesFile", "no such file");
        Files.writeString(dir.resolve("long.txt"), "Can I rent a bike?\n" + "x".repeat(501) + "\n");
        assertAt(problem(MINIMAL + "policies: {input: {scope: {examplesFile: long.txt}}}\n"), 5,
                "policies.input.scope.examplesFile", "line 2: longer than 500 characters");
        Files.write(dir.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xe9, '\n'});
        assertAt(problem(MINIMAL + "policies: {input: {scope: {examplesFile: latin1.txt}}}\n"), 5,
                "policies.input.scope.examplesFile", "not UTF-8");
    }

    @Test
    void piiAllowListIsReadAndDefaultsToNone() throws Exception {
        assertThat(load(MINIMAL).policies().piiAllowList()).isEmpty();
        assertThat(load(MINIMAL + "policies: {piiAllowList: [Nora, info@lindqvist.example]}\n").policies().piiAllowList())
                .containsExactly("Nora", "info@lindqvist.example");
        assertAt(problem(MINIMAL + "policies: {piiAllowList: [\"\"]}\n"), 5, "policies.piiAllowList[0]", "");
    }

    @Test
    void redisBackendNeedsAUrl() {
        assertAt(problem(MINIMAL + "state:\n  backend: redis\n"), 5, "state.redisUrl", "backend redis needs redisUrl");
        assertAt(problem(MINIMAL + "state:\n  backend: redis\n  redisUrl: http://x\n"), 7, "state.redisUrl",
                "must be a redis or rediss URL");
        assertAt(problem(MINIMAL + "state:\n  redisUrl: redis://x\n"), 6, "state.redisUrl", "only used with backend: redis");
    }

    @Test
    void otherSemanticChecks() throws IOException {
        assertAt(problem(MINIMAL.replace("port: 0", "port: 9090")), 1, "admin.port", "the same port as listen.port");
        assertAt(problem(MINIMAL + "jwt: {issuer: x}\n"), 5, "jwt.jwksUrl", "give jwksUrl");
        assertAt(problem(MINIMAL + "jwt: {jwksUrl: \"https://x/jwks\", jwksFile: j.json}\n"), 5, "jwt.jwksFile", "not both");
        assertAt(problem(MINIMAL + "policies:\n  cors: {allowedOrigins: [\"https://a.example.com/path\", \"*\"]}\n"), 6,
                "policies.cors.allowedOrigins[1]", "not an origin");
        assertAt(problem(MINIMAL + "audit: {path: null}\n"), 5, "audit.path", "needs a path or a postgresUrl");
        assertAt(problem(MINIMAL + "audit: {postgresUrl: \"postgres://x\"}\n"), 5, "audit.postgresUrl", "jdbc:postgresql");
        assertAt(problem(MINIMAL + "policies:\n  output: {systemPromptFile: nope.txt}\n"), 6,
                "policies.output.systemPromptFile", "no such file");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(sub.resolve("guard.yaml"), MINIMAL + "audit: {path: logs/audit.jsonl}\nkeysFile: ../k.jsonl\n");
        GuardConfig c = GuardConfigLoader.load(sub.resolve("guard.yaml"), Map.of());
        assertThat(c.audit().path()).isEqualTo(sub.resolve("logs/audit.jsonl"));
        assertThat(c.audit().signingKey()).isEqualTo(sub.resolve("audit-signing.pem"));
        assertThat(c.keysFile()).isEqualTo(dir.resolve("k.jsonl"));
    }

    @Test
    void hugeFileIsRefusedBeforeParsing() {
        ConfigException e = problem(MINIMAL + "# " + "x".repeat(1 << 20) + "\n");
        assertAt(e, 1, "(document)", "larger than 1024 KiB; a guard config file is a few KB");
    }

    @Test
    void fileProblems() {
        ConfigException missing = catchThrowableOfType(ConfigException.class,
                () -> GuardConfigLoader.load(dir.resolve("nope.yaml"), Map.of()));
        assertAt(missing, 0, "(file)", "no such file");
        assertAt(problem(""), 1, "(document)", "the file is empty: expected a YAML mapping (listen:, upstreams:, ...)");
        assertAt(problem(MINIMAL + "---\nlisten: {}\n"), 6, "(document)", "keep the whole guard config in one");
    }

    @Test
    void keysFileClientsAreMerged() throws Exception {
        KeysFile keys = KeysFile.at(dir.resolve("guard-keys.jsonl"));
        KeysFile.IssuedKey issued = keys.add("batch-job", List.of("embeddings"), java.time.Instant.now());
        GuardConfig c = load(MINIMAL + "policies: {limits: {default: {requestsPerMinute: 5}}}\n");
        assertThat(c.clients()).as("guard.yaml's own clients").isEmpty();
        assertThat(KeysMerge.clients(c)).containsExactly(new ClientConfig("batch-job", ApiKeys.sha256Hex(issued.key()),
                List.of("embeddings"), new Limits(5, null, null, 200_000L, null, 5)));
    }

    @Test
    void keysFileClientClashingWithTheConfigIsAnErrorAtTheKeysFileLine() throws Exception {
        KeysFile keys = KeysFile.at(dir.resolve("guard-keys.jsonl"));
        keys.add("first", List.of("chat"), java.time.Instant.now());
        keys.add("support-app", List.of("chat"), java.time.Instant.now());
        ConfigException e = problem(MINIMAL + "clients:\n  - {id: support-app, keySha256: \"" + "1".repeat(64) + "\"}\n");
        assertThat(e.file()).isEqualTo(keys.path());
        assertAt(e, 2, "id", "'support-app' is also a client in guard.yaml");
    }

    @Test
    void keysFileRoleMustBeDefined() throws Exception {
        KeysFile.at(dir.resolve("guard-keys.jsonl")).add("x", List.of("ops"), java.time.Instant.now());
        ConfigException e = problem(MINIMAL);
        assertAt(e, 1, "roles", "role 'ops' is not defined");
    }

    @Test
    void brokenKeysFileNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("guard-keys.jsonl"), "\n{\"id\":\"a\",\"keySha256\":\"zz\",\"roles\":[\"chat\"],"
                + "\"created\":\"2025-01-01T00:00:00Z\"}\n");
        ConfigException e = problem(MINIMAL);
        assertThat(e.file()).isEqualTo(dir.resolve("guard-keys.jsonl"));
        assertAt(e, 2, "keySha256", "64 lower-case hex digits");
    }
}
