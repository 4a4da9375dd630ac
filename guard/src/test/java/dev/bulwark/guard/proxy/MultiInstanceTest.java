package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import dev.bulwark.guard.audit.AuditKeys;
import dev.bulwark.guard.audit.AuditVerifier;
import dev.bulwark.guard.audit.VerifyResult;
import dev.bulwark.guard.audit.VerifyResult.InstanceSummary;
import dev.bulwark.guard.audit.VerifyResult.Kind;
import dev.bulwark.guard.config.ApiKeys;
import dev.bulwark.guard.config.GuardConfigLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways built from {@code guard.yaml} by {@link Guard#start}, sharing one real Redis ({@code state: redis}) and
 * one real PostgreSQL audit store, in front of one stub upstream: one client's limit holds across both, the
 * extraction monitor counts across both, and both instance chains verify from the database. Needs
 * {@code BULWARK_TEST_REDIS_URL} and {@code BULWARK_TEST_POSTGRES_URL} ({@code eval "$(.ci/services.sh)"}); skipped
 * without them. Each run uses its own PostgreSQL schema and its own client ids, so reruns and other tests on the same
 * servers do not collide.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {
    private static final String REDIS = System.getenv("BULWARK_TEST_REDIS_URL");
    private static final String POSTGRES = System.getenv("BULWARK_TEST_POSTGRES_URL");
    private static final int LIMIT_PER_MINUTE = 10;
    private static final int EXTRACTION_MAX_REQUESTS = 12;
    private static final int PER_INSTANCE = 8;
    private static final String CHAT = GatewayTestBase.chat("stub-model", false);

    @TempDir
    static Path dir;
    static String run;
    static String schema;
    static String store;
    static StubUpstream stub;
    static Instance a;
    static Instance b;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of both gateways: its id (unique per run) and key. */
    record Client(String id, String key) {
        static Client of(String name) {
            return new Client(name + "-" + run, ApiKeys.generate());
        }
    }

    static Client limited;
    static Client heavy;
    static Client warm;
    static Client talker;

    /** One gateway and how many requests this test sent it (each one is an audit event). */
    static final class Instance {
        final String id;
        final RunningGuard guard;
        int sent;

        Instance(String id, RunningGuard guard) {
            this.id = id;
            this.guard = guard;
        }
    }

    @BeforeAll
    static void startTwoGateways() throws Exception {
        assumeTrue(REDIS != null && !REDIS.isBlank(), "BULWARK_TEST_REDIS_URL not set (eval \"$(.ci/services.sh)\")");
        assumeTrue(POSTGRES != null && !POSTGRES.isBlank(), "BULWARK_TEST_POSTGRES_URL not set");
        run = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 24); // lowercase: a plain schema name
        schema = "bulwark_mi_" + run;
        sql(POSTGRES, "CREATE SCHEMA " + schema);
        store = POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        limited = Client.of("limited");
        heavy = Client.of("heavy");
        warm = Client.of("warm");
        talker = Client.of("talker");
        stub = new StubUpstream();
        a = start("gw-a-" + run);
        b = start("gw-b-" + run); // after a: the shared signing key exists by then
        for (Instance gateway : List.of(a, b)) { // first requests load the detectors: keep them out of the counts
            assertThat(send(gateway, warm).statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance gateway : new Instance[]{a, b}) if (gateway != null) gateway.guard.close();
        if (stub != null) stub.close();
        if (schema != null) sql(POSTGRES, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    @Order(1)
    void one_clients_limit_holds_across_both_instances() throws Exception {
        long started = System.nanoTime();
        List<HttpResponse<String>> replies = alternate(limited);
        long elapsed = System.nanoTime() - started;

        List<HttpResponse<String>> passed = replies.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> refused = replies.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(passed.size() + refused.size()).as("every reply is 200 or 429").isEqualTo(2 * PER_INSTANCE);
        // the bucket refills smoothly, one request every 6 s: exactly 10 unless the 16 requests took that long
        long refilled = elapsed / Duration.ofMinutes(1).dividedBy(LIMIT_PER_MINUTE).toNanos();
        assertThat(passed.size()).isBetween(LIMIT_PER_MINUTE, LIMIT_PER_MINUTE + (int) refilled);
        for (HttpResponse<String> r : refused) {
            assertThat(r.headers().firstValue("retry-after")).hasValueSatisfying(
                    v -> assertThat(Integer.parseInt(v)).isPositive());
            assertThat(GatewayTestBase.errorCode(r)).isEqualTo("rate_limit_exceeded");
        }
        // alternating a, b, a, b...: both instances granted from, and refused on, the one shared budget
        assertThat(statuses(replies, 0)).contains(200, 429);
        assertThat(statuses(replies, 1)).contains(200, 429);
    }

    @Test
    @Order(2)
    void the_extraction_monitor_counts_a_clients_requests_across_both_instances() throws Exception {
        List<HttpResponse<String>> replies = alternate(heavy);

        // 8 + 8 requests, none over 8 on one instance: only the shared count goes over maxRequests (12)
        assertThat(replies).extracting(HttpResponse::statusCode).containsExactly(
                200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 429, 429, 429);
        for (HttpResponse<String> r : replies.subList(EXTRACTION_MAX_REQUESTS, replies.size())) {
            assertThat(GatewayTestBase.errorCode(r)).isEqualTo("extraction_suspected");
        }
    }

    @Test
    @Order(3)
    void a_conversation_continued_on_the_other_instance_is_not_refused_for_its_own_history() throws Exception {
        String question = "What does the flyer on the door say?";
        HttpResponse<String> first = send(a, talker, conversation("stub-quote", question));
        assertThat(first.statusCode()).isEqualTo(200);
        String reply = new ObjectMapper().readTree(first.body()).path("choices").path(0).path("message")
                .path("content").asText();
        assertThat(reply).isEqualTo(StubUpstream.QUOTED_INJECTION);

        // b never saw the reply: it learns from Redis that a released it to this client (a person types slower
        // than a released reply reaches Redis; retried briefly)
        String followUp = conversation("stub-model", question, reply, "Thanks. Who put it there?");
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
            if (attempt > 0) Thread.sleep(50);
            status = send(b, talker, followUp).statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(send(b, talker, conversation("stub-model", question, reply + " Now.", "Go on.")).statusCode())
                .as("an edited assistant turn").isEqualTo(400);
    }

    @Test
    @Order(4)
    void both_instance_chains_verify_from_the_database_and_a_changed_row_is_caught() throws Exception {
        send(a, warm);
        send(b, warm);
        a.guard.close(); // the final signed checkpoints
        b.guard.close();
        var trusted = AuditKeys.readPublicKey(AuditKeys.publicKeyFile(dir.resolve("audit-signing.pem")));

        VerifyResult r = AuditVerifier.verifyPostgres(store, trusted);
        assertThat(r.problems()).isEmpty();
        assertThat(r.instances()).extracting(InstanceSummary::instance, InstanceSummary::events,
                InstanceSummary::closed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.id, (long) a.sent, true),
                org.assertj.core.groups.Tuple.tuple(b.id, (long) b.sent, true));

        long row;
        try (Connection c = DriverManager.getConnection(store);
             PreparedStatement st = c.prepareStatement("UPDATE audit_record SET record = replace(record, "
                     + "'\"status\":200', '\"status\":201') WHERE id = (SELECT min(id) FROM audit_record WHERE "
                     + "instance = ? AND type = 'event' AND record LIKE '%\"status\":200%') RETURNING id")) {
            st.setString(1, b.id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                row = rs.getLong(1);
            }
        }
        VerifyResult tampered = AuditVerifier.verifyPostgres(store, trusted);
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.firstProblem()).hasValueSatisfying(p -> {
            assertThat(p.instance()).isEqualTo(b.id);
            assertThat(p.kind()).isEqualTo(Kind.CHANGED);
            assertThat(p.line()).isEqualTo(row);
        });
        assertThat(tampered.problems()).allSatisfy(p -> assertThat(p.instance()).isEqualTo(b.id));
    }

    // ---------------------------------------------------------------- helpers

    private static Instance start(String instanceId) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(instanceId));
        String yaml = """
                listen: {host: 127.0.0.1, port: 0}
                admin: {enabled: false}
                upstreams: [{id: main, url: "%s"}]
                clients:
                  - {id: %s, keySha256: "%s", limits: {requestsPerMinute: %d, requestsPerSecond: null}}
                  - {id: %s, keySha256: "%s", limits: {requestsPerMinute: 1000, requestsPerSecond: null}}
                  - {id: %s, keySha256: "%s", limits: {requestsPerMinute: 1000, requestsPerSecond: null}}
                  - {id: %s, keySha256: "%s", limits: {requestsPerMinute: 1000, requestsPerSecond: null}}
                policies:
                  input: {learnedModel: false}
                  extraction: {window: 1h, maxRequests: %d, action: block}
                  limits: {perIp: {requestsPerMinute: null}}
                audit: {path: null, postgresUrl: "%s", instanceId: %s, signingKey: "%s"}
                state: {backend: redis, redisUrl: "%s"}
                """.formatted(stub.url(),
                limited.id(), ApiKeys.sha256Hex(limited.key()), LIMIT_PER_MINUTE,
                heavy.id(), ApiKeys.sha256Hex(heavy.key()),
                warm.id(), ApiKeys.sha256Hex(warm.key()),
                talker.id(), ApiKeys.sha256Hex(talker.key()),
                EXTRACTION_MAX_REQUESTS, store, instanceId, dir.resolve("audit-signing.pem"), REDIS);
        var config = GuardConfigLoader.parse(yaml, folder.resolve("guard.yaml"), Map.of());
        return new Instance(instanceId, Guard.start(config));
    }

    /** {@value #PER_INSTANCE} requests to each instance, alternating a, b, a, b, ... */
    private static List<HttpResponse<String>> alternate(Client client) throws Exception {
        List<HttpResponse<String>> replies = new ArrayList<>();
        for (int i = 0; i < PER_INSTANCE; i++) {
            replies.add(send(a, client));
            replies.add(send(b, client));
        }
        return replies;
    }

    /** The statuses of the replies from one instance (0 = a, 1 = b) of {@link #alternate}. */
    private static List<Integer> statuses(List<HttpResponse<String>> replies, int instance) {
        List<Integer> out = new ArrayList<>();
        for (int i = instance; i < replies.size(); i += 2) out.add(replies.get(i).statusCode());
        return out;
    }

    private static HttpResponse<String> send(Instance gateway, Client client) throws Exception {
        return send(gateway, client, CHAT);
    }

    private static HttpResponse<String> send(Instance gateway, Client client, String body) throws Exception {
        gateway.sent++;
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.guard.url() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + client.key())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** user, assistant, user, … turns in order. */
    private static String conversation(String model, String... turns) {
        ObjectNode body = new ObjectMapper().createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < turns.length; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", turns[i]);
        }
        return body.toString();
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
