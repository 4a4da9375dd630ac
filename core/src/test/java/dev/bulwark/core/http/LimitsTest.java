package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.http.EngagementException.Reason;
import dev.bulwark.core.http.TestServer.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Body cap, stop, the time window, and what the listener is told. */
class LimitsTest {

    @Test
    void aBodyLargerThanTheCapIsCutAndMarkedTruncated() throws Exception {
        byte[] big = new byte[50_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
        try (TestServer server = TestServer.start((r, i) -> r.path().equals("/big")
                ? new Answer(200, Map.of(), big)
                : new Answer(200, Map.of(), java.util.Arrays.copyOf(big, 1000)));
             EngagementClient client = EngagementClient.builder(Rules.loopback()).maxBodyBytes(1000).build()) {
            HttpReply cut = client.send(HttpCall.get(server.uri("/big")));
            assertThat(cut.truncated()).isTrue();
            assertThat(cut.body()).isEqualTo(java.util.Arrays.copyOf(big, 1000));
            HttpReply exact = client.send(HttpCall.get(server.uri("/exact")));
            assertThat(exact.truncated()).isFalse();
            assertThat(exact.body()).hasSize(1000);
        }
    }

    @Test
    void stopWakesASenderWaitingOutRetryAfter() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> Answer.throttled(429, "30"));
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            CompletableFuture<Object> sending = sendInBackground(client, server.uri("/"));
            waitFor(() -> server.count() == 1);
            client.stop();
            assertThat(reasonOf(sending)).isEqualTo(Reason.STOPPED);
            assertThat(server.count()).isEqualTo(1);
        }
    }

    @Test
    void stopWakesASenderWaitingForItsRateSlotAndGivesItsBudgetBack() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.of(List.of("127.0.0.1"), 0.05, 10, 0))) {
            client.send(HttpCall.get(server.uri("/first")));
            CompletableFuture<Object> second = sendInBackground(client, server.uri("/second"));
            waitFor(() -> client.remainingBudget() == 8);
            client.stop();
            assertThat(reasonOf(second)).isEqualTo(Reason.STOPPED);
            assertThat(server.count()).isEqualTo(1);
            assertThat(client.requestsSent()).isEqualTo(1);
            assertThat(client.remainingBudget()).isEqualTo(9);
        }
    }

    @Test
    void stopCancelsARequestInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start((r, i) -> {
            release.await(20, TimeUnit.SECONDS);
            return Answer.ok("late");
        }); EngagementClient client = new EngagementClient(Rules.loopback())) {
            CompletableFuture<Object> sending = sendInBackground(client, server.uri("/"));
            waitFor(() -> server.count() == 1);
            client.stop();
            assertThat(reasonOf(sending)).isEqualTo(Reason.STOPPED);
            assertThat(client.requestsSent()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void afterStopNothingIsSent() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            client.stop();
            assertThatThrownBy(() -> client.send(HttpCall.get(server.uri("/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STOPPED));
            assertThat(server.count()).isZero();
            assertThat(client.halted()).get().extracting(EngagementException::reason).isEqualTo(Reason.STOPPED);
        }
    }

    @Test
    void outsideTheTimeWindowNothingIsSent() throws Exception {
        Instant open = Instant.parse("2026-03-01T09:00:00Z");
        Instant close = Instant.parse("2026-03-01T17:00:00Z");
        try (TestServer server = TestServer.ok("ok")) {
            for (Instant now : List.of(open.minusSeconds(1), close.plusSeconds(1))) {
                try (EngagementClient client = EngagementClient.builder(Rules.window(open, close))
                        .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
                    assertThatThrownBy(() -> client.send(HttpCall.get(server.uri("/"))))
                            .isInstanceOfSatisfying(EngagementException.class,
                                    e -> assertThat(e.reason()).isEqualTo(Reason.STOPPED))
                            .hasMessageContaining("window");
                    assertThat(client.halted()).isPresent();
                }
            }
            assertThat(server.count()).isZero();
            try (EngagementClient client = EngagementClient.builder(Rules.window(open, close))
                    .clock(Clock.fixed(open.plusSeconds(60), ZoneOffset.UTC)).build()) {
                assertThat(client.send(HttpCall.get(server.uri("/"))).status()).isEqualTo(200);
                assertThat(client.halted()).isEmpty();
            }
            assertThat(server.count()).isEqualTo(1);
        }
    }

    @Test
    void theListenerHearsEveryExchangeAndEveryRefusal() throws Exception {
        List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        List<Reason> refusals = new CopyOnWriteArrayList<>();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void exchanged(Exchange exchange) {
                exchanges.add(exchange);
                throw new IllegalStateException("a broken listener must not matter");
            }

            @Override
            public void refused(URI uri, Reason reason, String message) {
                refusals.add(reason);
            }
        };
        try (TestServer server = TestServer.start((r, i) -> r.path().equals("/a") ? Answer.redirect(302, "/b")
                : Answer.ok("hello"));
             EngagementClient client = EngagementClient.builder(Rules.loopback()).listener(listener).build()) {
            assertThat(client.send(HttpCall.get(server.uri("/a"))).bodyText()).isEqualTo("hello");
            assertThatThrownBy(() -> client.send(HttpCall.get(URI.create("http://elsewhere.test/"))))
                    .isInstanceOf(EngagementException.class);
        }
        assertThat(exchanges).extracting(Exchange::status).containsExactly(302, 200);
        assertThat(exchanges.get(1).bodyBytes()).isEqualTo(5);
        assertThat(exchanges).noneMatch(Exchange::failed);
        assertThat(refusals).containsExactly(Reason.OUT_OF_SCOPE);
    }

    private static CompletableFuture<Object> sendInBackground(EngagementClient client, URI uri) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(HttpCall.get(uri));
            } catch (EngagementException e) {
                return e.reason();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        });
    }

    /** The background send must end well before the wait it was in (30 s, 20 s): stop woke it. */
    private static Object reasonOf(CompletableFuture<Object> sending)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        return sending.get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 10 s");
            Thread.sleep(5);
        }
    }
}
