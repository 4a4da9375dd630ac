package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.http.EngagementException.Reason;
import dev.bulwark.core.http.TestServer.Answer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retries: transport errors and 429/502/503/504, with back-off and Retry-After; throttling is never a reply. */
class RetryTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private EngagementClient client(int retries) {
        return EngagementClient.builder(Rules.of(List.of("127.0.0.1"), 1000, 100, retries)).sleeper(sleeper).build();
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> i == 0 ? Answer.throttled(429, "1") : Answer.ok("fine"));
             EngagementClient client = client(2)) {
            HttpReply reply = client.send(HttpCall.get(server.uri("/")));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.bodyText()).isEqualTo("fine");
            assertThat(reply.tries()).isEqualTo(2);
            assertThat(client.requestsSent()).isEqualTo(2);
            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(3).atZone(ZoneOffset.UTC));
        try (TestServer server = TestServer.start((r, i) -> i == 0 ? Answer.throttled(503, in3s) : Answer.ok("fine"));
             EngagementClient client = client(2)) {
            assertThat(client.send(HttpCall.get(server.uri("/"))).status()).isEqualTo(200);
            assertThat(sleeper.waits()).singleElement()
                    .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        }
    }

    @Test
    void persistentThrottlingIsAnErrorNotAReply() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> Answer.throttled(429, "0"));
             EngagementClient client = client(2)) {
            assertThatThrownBy(() -> client.send(HttpCall.get(server.uri("/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
                    .hasMessageContaining("throttled after 3 tries");
            assertThat(server.count()).isEqualTo(3);
        }
    }

    @Test
    void aRetryAfterBeyondTheCapGivesUpAtOnce() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> Answer.throttled(429, "3600"));
             EngagementClient client = client(3)) {
            assertThatThrownBy(() -> client.send(HttpCall.get(server.uri("/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
                    .hasMessageContaining("Retry-After too long");
            assertThat(server.count()).isEqualTo(1);
            assertThat(sleeper.waits()).isEmpty();
        }
    }

    @Test
    void aCheckThatObservesThrottlingGetsThe429() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> Answer.throttled(429, "1"));
             EngagementClient client = client(3)) {
            HttpReply reply = client.send(HttpCall.get(server.uri("/")).withoutThrottleRetry());
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).contains("1");
            assertThat(server.count()).isEqualTo(1);
        }
    }

    @Test
    void a503IsRetriedAndAPersistent5xxIsReturnedForItsBody() throws Exception {
        try (TestServer flaky = TestServer.start((r, i) -> i == 0 ? Answer.status(503) : Answer.ok("up"));
             TestServer down = TestServer.start((r, i) -> new Answer(502, java.util.Map.of(), "bad gateway".getBytes()));
             EngagementClient client = client(2)) {
            assertThat(client.send(HttpCall.get(flaky.uri("/"))).bodyText()).isEqualTo("up");
            HttpReply last = client.send(HttpCall.get(down.uri("/")));
            assertThat(last.status()).isEqualTo(502);
            assertThat(last.bodyText()).isEqualTo("bad gateway");
            assertThat(last.tries()).isEqualTo(3);
            assertThat(down.count()).isEqualTo(3);
        }
    }

    @Test
    void a500IsAnAnswerAndNotRetried() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> new Answer(500, java.util.Map.of(), "trace".getBytes()));
             EngagementClient client = client(3)) {
            HttpReply reply = client.send(HttpCall.get(server.uri("/")));
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.bodyText()).isEqualTo("trace");
            assertThat(server.count()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsTransport() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        try (EngagementClient client = client(2)) {
            assertThatThrownBy(() -> client.send(HttpCall.get(URI.create("http://127.0.0.1:" + port + "/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
                    .hasMessageContaining("3 tries");
            assertThat(client.requestsSent()).isEqualTo(3);
            assertThat(sleeper.waits()).hasSize(2);
            assertThat(sleeper.waits().get(1)).isGreaterThan(sleeper.waits().get(0).dividedBy(2));
        }
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeIsATransportError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start((r, i) -> {
            release.await(10, TimeUnit.SECONDS);
            return Answer.ok("late");
        }); EngagementClient client = EngagementClient.builder(Rules.timeout(Duration.ofMillis(300), 0)).build()) {
            assertThatThrownBy(() -> client.send(HttpCall.get(server.uri("/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRANSPORT))
                    .hasMessageContaining("timed out");
            assertThat(client.requestsSent()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }
}
