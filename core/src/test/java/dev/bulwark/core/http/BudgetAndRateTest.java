package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.http.EngagementException.Reason;
import dev.bulwark.core.http.TestServer.Answer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The budget and the rate are never exceeded, whatever the number of threads. */
class BudgetAndRateTest {

    @Test
    void theBudgetIsAHardCapUnderConcurrency() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.of(List.of("127.0.0.1"), 1000, 7, 0))) {
            List<Object> results = sendConcurrently(client, server, 20, 5);
            assertThat(results).filteredOn(HttpReply.class::isInstance).hasSize(7);
            assertThat(results).filteredOn(r -> r == Reason.BUDGET_EXHAUSTED).hasSize(13);
            assertThat(server.count()).isEqualTo(7);
            assertThat(client.requestsSent()).isEqualTo(7);
            assertThat(client.remainingBudget()).isZero();
            assertThat(client.refused(Reason.BUDGET_EXHAUSTED)).isTrue();
            assertThat(client.halted()).get().extracting(EngagementException::reason)
                    .isEqualTo(Reason.BUDGET_EXHAUSTED);
        }
    }

    @Test
    void retriesCountAgainstTheBudget() throws Exception {
        try (TestServer server = TestServer.start((r, i) -> Answer.status(503));
             EngagementClient client = EngagementClient.builder(Rules.of(List.of("127.0.0.1"), 1000, 3, 5))
                     .sleeper(new RecordingSleeper()).build()) {
            assertThatThrownBy(() -> client.send(HttpCall.get(server.uri("/"))))
                    .isInstanceOfSatisfying(EngagementException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BUDGET_EXHAUSTED));
            assertThat(server.count()).isEqualTo(3);
            assertThat(client.requestsSent()).isEqualTo(3);
        }
    }

    @Test
    void theRateIsNeverExceededInAnyOneSecondWindowAsTheTargetSeesIt() throws Exception {
        try (TestServer server = TestServer.ok("ok")) {
            warmUp(server);
            try (EngagementClient client = new EngagementClient(Rules.of(List.of("127.0.0.1"), 10, 100, 0))) {
                List<Object> results = sendConcurrently(client, server, 15, 3);
                assertThat(results).allMatch(HttpReply.class::isInstance);
            }
            List<Long> stamps = server.seen().stream().map(TestServer.Seen::nanos).sorted().toList();
            assertThat(stamps).hasSize(15);
            for (long start : stamps) {
                long inWindow = stamps.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
                assertThat(inWindow).as("requests in the second after %d", start).isLessThanOrEqualTo(10);
            }
        }
    }

    @Test
    void slotsHandedToConcurrentSendersAreAlwaysOneIntervalApart() throws Exception {
        var pacer = new RatePacer(50);
        List<Long> slots = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < 5; k++) {
                        slots.add(pacer.reserve());
                    }
                }));
            }
            for (Future<?> f : futures) f.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = slots.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1)).isGreaterThanOrEqualTo(pacer.intervalNanos());
        }
        assertThat(pacer.intervalNanos()).isGreaterThanOrEqualTo(20_000_000L);
    }

    /** Loads the JDK client's classes so the first measured request is not late by a class-loading pause. */
    private static void warmUp(TestServer server) throws Exception {
        try (HttpClient jdk = HttpClient.newHttpClient()) {
            jdk.send(HttpRequest.newBuilder(server.uri("/warm-up")).build(), HttpResponse.BodyHandlers.discarding());
        }
        server.forget();
    }

    /** Sends {@code count} GETs from {@code threads} threads released together; each result is a reply or a reason. */
    static List<Object> sendConcurrently(EngagementClient client, TestServer server, int count, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Object> task = () -> {
                    go.await();
                    try {
                        return client.send(HttpCall.get(server.uri("/r" + n)));
                    } catch (EngagementException e) {
                        return e.reason();
                    }
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
