package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.demo.DemoTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark guard} as an operator and a client see it: a bad file stops it with file, line and field; a
 * minimal file starts it with every protection on; keys, a dead upstream, the audit log it leaves and what
 * {@code audit verify} says about that log; a store that cannot be opened stops it before it listens.
 */
class GuardCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = """
            {"model": "molly", "messages": [{"role": "user", "content": "Say hello"}]}""";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // ---------------------------------------------------------------- bad configuration: exit 2, file, line, field

    @Test
    void an_unknown_field_exits_2_naming_file_line_and_field() throws IOException {
        Path config = write("""
                listen: {port: 0}
                upstreams:
                  - {id: main, url: "http://127.0.0.1:11434", timeoutSecs: 30}
                """);
        CliRun run = CliRun.of("guard", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(config + ":3: upstreams[0].timeoutSecs");
        assertThat(run.out()).doesNotContain("listening");
    }

    @Test
    void a_value_of_the_wrong_type_exits_2_naming_file_line_and_field() throws IOException {
        Path config = write("""
                listen:
                  port: eighty
                upstreams: [{id: main, url: "http://127.0.0.1:11434"}]
                """);
        CliRun run = CliRun.of("guard", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(config + ":2: listen.port");
    }

    @Test
    void an_unset_variable_exits_2_naming_it_and_its_place() throws IOException {
        Path config = write("""
                listen: {port: 0}
                upstreams:
                  - id: main
                    url: "http://127.0.0.1:11434"
                    auth: {header: Authorization, value: "Bearer ${BULWARK_TEST_NEVER_SET_7731}"}
                """);
        CliRun run = CliRun.of("guard", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(config + ":5: upstreams[0].auth.value", "BULWARK_TEST_NEVER_SET_7731");
    }

    @Test
    void check_prints_what_the_gateway_would_do_without_secrets_and_exits_0() throws Exception {
        Path config = write("""
                listen: {port: 0}
                upstreams:
                  - id: main
                    url: "http://127.0.0.1:11434"
                    auth: {header: Authorization, value: "Bearer sk-check-secret-7731"}
                """);
        CliRun add = CliRun.of("guard", "keys", "add", "shop-app", "--config", config.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();

        CliRun run = CliRun.of("guard", "--check", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(config + ": valid", "upstream  main -> http://127.0.0.1:11434 (openai",
                        "adds Authorization", "1 with an API key (0 in guard.yaml, 1 in guard-keys.jsonl)",
                        "injection block", "tool calls block", "fail closed",
                        "peers     at most 256 connections per address; no trusted proxies (X-Forwarded-For ignored)")
                .doesNotContain("sk-check-secret-7731").doesNotContain("listening");
        assertThat(run.out()).doesNotContain("topics");
        Path railed = write("""
                listen: {port: 0}
                upstreams: [{id: main, url: "http://127.0.0.1:11434"}]
                policies: {input: {scope: {examples: ["When are you open?", "Can I rent a bike?"]}}}
                """);
        assertThat(CliRun.of("guard", "--check", "--config", railed.toString()).out())
                .contains("topics    block requests far from 2 example(s) of what the assistant is for");
        assertThat(CliRun.of("guard", "--check", "--config", write("listen: {port: 0}\n").toString()).exitCode())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    // ---------------------------------------------------------------- a minimal config, end to end

    @Test
    @Timeout(300)
    void a_minimal_config_runs_with_every_protection_on_and_leaves_a_verifiable_audit_log() throws Exception {
        Path config;
        String key;
        try (DemoTarget upstream = DemoTarget.start(new DemoTarget.Options(0, false))) {
            config = write("""
                    listen: {port: 0}
                    upstreams: [{id: main, url: "%s"}]
                    """.formatted(upstream.baseUrl()));

            // no keys yet: nobody gets in
            try (GuardProcess guard = GuardProcess.start(config, dir.resolve("run1.err"))) {
                String url = guard.awaitListening();
                HttpResponse<String> anonymous = chat(url, null);
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(json(anonymous).path("error").path("type").asText()).isNotBlank();
                assertThat(upstream.requestsServed()).as("refused before the upstream").isZero();
                assertThat(guard.stop()).as("stdout").hasSize(1);
            }

            CliRun add = CliRun.of("guard", "keys", "add", "support-app", "--config", config.toString());
            assertThat(add.exitCode()).as(add.err()).isZero();
            key = add.out().strip();
            assertThat(key).startsWith("bwk_");

            // the keys file is read at start: with the key, the call goes through; with the upstream gone, a clean 502
            try (GuardProcess guard = GuardProcess.start(config, dir.resolve("run2.err"))) {
                String url = guard.awaitListening();
                HttpResponse<String> ok = chat(url, key);
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                assertThat(json(ok).path("choices").path(0).path("message").path("content").asText()).isNotBlank();
                assertThat(chat(url, key.substring(0, key.length() - 1) + "x").statusCode()).isEqualTo(401);

                int upstreamPort = upstream.port();
                upstream.close();
                HttpResponse<String> down = chat(url, key);
                assertThat(down.statusCode()).isEqualTo(502);
                assertThat(down.headers().firstValue("content-type")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("application/json"));
                assertThat(json(down).path("error").path("code").asText()).isEqualTo("upstream_unavailable");
                assertThat(down.body()).doesNotContain("Exception", "\tat ", "refused", "127.0.0.1",
                        Integer.toString(upstreamPort), "main");

                List<String> stdout = guard.stop();
                assertThat(stdout).containsExactly("listening on " + url);
                assertThat(guard.stderr()).doesNotContain(key).doesNotContain("\tat ");
            }
        }

        Path log = dir.resolve("audit.jsonl");
        Path pub = dir.resolve("audit-signing.pem.pub");
        List<String> lines = Files.readAllLines(log);
        int badGateway = indexOf(lines, "\"status\":502");
        JsonNode record = JSON.readTree(lines.get(badGateway));
        assertThat(record.path("type").asText()).isEqualTo("event");
        assertThat(record.path("clientId").asText()).isEqualTo("support-app");
        assertThat(record.path("upstream").asText()).isEqualTo("main");
        // prompts and replies are kept as salted hashes by default, never as text; keys never
        JsonNode passed = JSON.readTree(lines.get(indexOf(lines, "\"status\":200")));
        assertThat(passed.path("input").asText()).startsWith("hmac-sha256:");
        assertThat(passed.path("output").asText()).startsWith("hmac-sha256:");
        assertThat(String.join("\n", lines)).doesNotContain(key).doesNotContain("Say hello");

        CliRun verify = CliRun.of("audit", "verify", log.toString(), "--key", pub.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        // one chain across both runs (a restart continues it), each run ended by SIGTERM with its final checkpoint
        assertThat(verify.out()).contains("the chain verifies (6 records, 1 instance)",
                ": 6 records (4 events, 2 checkpoints), last seq 6, signed up to seq 6, closed");

        byte[] bytes = Files.readAllBytes(log);
        int at = offsetOf(bytes, badGateway, "\"status\":502") + "\"status\":".length();
        bytes[at] = '4'; // 502 -> 402: one byte, still well-formed JSON
        Files.write(log, bytes);
        CliRun tampered = CliRun.of("audit", "verify", log.toString(), "--key", pub.toString());
        assertThat(tampered.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(tampered.out()).contains("TAMPERING FOUND at line " + (badGateway + 1) + " ");

        // and the gateway refuses to continue a chain whose end does not verify
        CliRun restart = CliRun.of("guard", "--config", config.toString());
        assertThat(restart.exitCode()).isEqualTo(ExitCode.UNREACHABLE_OR_INTERNAL);
        assertOneLineReason(restart, "does not verify");
    }

    @Test
    void a_role_limits_the_tools_a_request_may_offer_the_model() throws Exception {
        try (DemoTarget upstream = DemoTarget.start(new DemoTarget.Options(0, false))) {
            Path config = write("""
                    listen: {port: 0}
                    upstreams: [{id: main, url: "%s"}]
                    roles: [{name: chat, routes: [chat], tools: ["lookup_*"]}]
                    """.formatted(upstream.baseUrl()));
            CliRun add = CliRun.of("guard", "keys", "add", "support-app", "--config", config.toString());
            assertThat(add.exitCode()).as(add.err()).isZero();
            String key = add.out().strip();
            try (GuardProcess guard = GuardProcess.start(config, dir.resolve("tools.err"))) {
                String url = guard.awaitListening();
                HttpResponse<String> lookup = post(url, key, withTool("lookup_order"));
                assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
                long served = upstream.requestsServed();

                HttpResponse<String> refund = post(url, key, withTool("refund_order"));
                assertThat(refund.statusCode()).isEqualTo(403);
                assertThat(json(refund).path("error").path("code").asText()).isEqualTo("tool_not_allowed");
                assertThat(refund.body()).doesNotContain("refund_order");
                assertThat(upstream.requestsServed()).as("refused before the upstream").isEqualTo(served);
                guard.stop();
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(JSON.readTree(lines.get(indexOf(lines, "\"status\":403"))).path("clientId").asText())
                .isEqualTo("support-app");
    }

    private static String withTool(String name) {
        return """
                {"model": "molly", "messages": [{"role": "user", "content": "Where is my order 1001?"}],
                 "tools": [{"type": "function", "function": {"name": "%s", "parameters": {"type": "object"}}}]}
                """.formatted(name);
    }

    // ---------------------------------------------------------------- stores that cannot be opened: exit 3, nothing listens

    @Test
    @Timeout(120) // a regression would start the gateway and wait for a signal
    void an_unreachable_audit_database_stops_the_start_with_exit_3_and_one_line() throws Exception {
        int port = freePort();
        int admin = freePort();
        int closed = freePort();
        Path config = write("""
                listen: {port: %d}
                admin: {port: %d}
                upstreams: [{id: main, url: "http://127.0.0.1:11434"}]
                policies: {input: {learnedModel: false}}
                audit: {postgresUrl: "jdbc:postgresql://127.0.0.1:%d/audit?user=guard&password=s3cret-pw&connectTimeout=2"}
                """.formatted(port, admin, closed));
        CliRun run = CliRun.of("guard", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE_OR_INTERNAL);
        assertOneLineReason(run, "audit");
        assertThat(run.err()).contains("127.0.0.1:" + closed).doesNotContain("s3cret-pw");
        assertNothingListensOn(port, admin);
    }

    @Test
    @Timeout(120) // a regression would start the gateway and wait for a signal
    void an_unreachable_redis_stops_the_start_with_exit_3_and_one_line() throws Exception {
        int port = freePort();
        int admin = freePort();
        int closed = freePort();
        Path config = write("""
                listen: {port: %d}
                admin: {port: %d}
                upstreams: [{id: main, url: "http://127.0.0.1:11434"}]
                policies: {input: {learnedModel: false}}
                state: {backend: redis, redisUrl: "redis://:s3cret-pw@127.0.0.1:%d"}
                """.formatted(port, admin, closed));
        CliRun run = CliRun.of("guard", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE_OR_INTERNAL);
        assertOneLineReason(run, "Redis at 127.0.0.1:" + closed);
        assertThat(run.err()).doesNotContain("s3cret-pw");
        assertNothingListensOn(port, admin);
    }

    @Test
    @Timeout(120) // a regression would start the gateway and wait for a signal
    void a_listen_port_in_use_stops_the_start_with_exit_3_and_closes_the_audit_log() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path config = write("""
                    listen: {port: %d}
                    admin: {enabled: false}
                    upstreams: [{id: main, url: "http://127.0.0.1:11434"}]
                    policies: {input: {learnedModel: false}}
                    """.formatted(taken.getLocalPort()));
            CliRun run = CliRun.of("guard", "--config", config.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE_OR_INTERNAL);
            assertOneLineReason(run, "could not start");
        }
        // the audit log opened before the bind failed was closed properly: it verifies, ending in a checkpoint
        CliRun verify = CliRun.of("audit", "verify", dir.resolve("audit.jsonl").toString(), "--key",
                dir.resolve("audit-signing.pem.pub").toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("closed");
    }

    // ---------------------------------------------------------------- helpers

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("guard.yaml"), yaml);
    }

    private HttpResponse<String> chat(String url, String key) throws Exception {
        return post(url, key, CHAT);
    }

    private HttpResponse<String> post(String url, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) request.header("authorization", "Bearer " + key);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertOneLineReason(CliRun run, String mentions) {
        assertThat(run.out()).doesNotContain("listening");
        assertThat(run.err().strip().lines().toList()).as(run.err()).hasSize(1).first().asString()
                .startsWith("bulwark guard: cannot start: ").contains(mentions).doesNotContain("\tat ");
    }

    /** Binding both ports again proves the failed start left nothing listening on them. */
    private static void assertNothingListensOn(int... ports) throws IOException {
        for (int port : ports) {
            try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i;
        throw new AssertionError("no audit record contains " + marker + ": " + lines);
    }

    /** Byte offset of {@code marker} within line {@code line} (0-based) of {@code bytes}. */
    private static int offsetOf(byte[] bytes, int line, String marker) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte: offsets match
        int start = 0;
        for (int i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
        int at = text.indexOf(marker, start);
        assertThat(at).isGreaterThanOrEqualTo(start).isLessThan(text.indexOf('\n', start));
        return at;
    }
}
