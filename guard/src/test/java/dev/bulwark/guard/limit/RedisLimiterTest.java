package dev.bulwark.guard.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Limits shared through a real Redis ({@code BULWARK_TEST_REDIS_URL}, started by {@code .ci/services.sh}); skipped
 * without one. Each test uses fresh client ids, so leftovers of earlier runs do not matter.
 */
class RedisLimiterTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    static URI redis() {
        String url = System.getenv("BULWARK_TEST_REDIS_URL");
        assumeTrue(url != null && !url.isBlank(), "BULWARK_TEST_REDIS_URL not set");
        return URI.create(url);
    }

    static BucketLimiter instance(URI redis, Limits perIp, Limits global) throws InterruptedException {
        RedisBucketStore store = RedisBucketStore.connect(redis, TIMEOUT);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!store.connected()) {
            assertThat(System.nanoTime()).as("connected to redis within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return new BucketLimiter(store, perIp, global, TIMEOUT.plusSeconds(1));
    }

    static Caller caller(String id, String ip, Limits limits) {
        return new Caller(id, Set.of("chat"), ip, "key", limits);
    }

    @Test
    void two_instances_enforce_one_clients_limit_together() throws Exception {
        URI redis = redis();
        try (BucketLimiter a = instance(redis, Limits.NONE, Limits.NONE);
             BucketLimiter b = instance(redis, Limits.NONE, Limits.NONE)) {
            Caller app = caller("shared-" + UUID.randomUUID(), "10.0.0.1", new Limits(10, null, null, null, null));
            List<CompletableFuture<LimitDecision>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(a.admit(app, 0).toCompletableFuture());
                attempts.add(b.admit(app, 0).toCompletableFuture());
            }
            List<LimitDecision> decisions = attempts.stream().map(CompletableFuture::join).toList();

            assertThat(decisions.stream().filter(LimitDecision::allowed).count()).isEqualTo(10);
            List<LimitDecision> refused = decisions.stream().filter(d -> !d.allowed()).toList();
            assertThat(refused).hasSize(2).allSatisfy(d -> {
                assertThat(d.scope()).isEqualTo("client");
                assertThat(d.retryAfterSeconds()).isBetween(1L, 6L); // 10/min refill one every 6 s
            });
        }
    }

    @Test
    void a_refusal_on_one_instance_gives_back_what_the_other_buckets_granted_and_settle_corrects_tokens()
            throws Exception {
        URI redis = redis();
        String ip = "192.0.2." + (int) (Math.random() * 250);
        Limits client = new Limits(100, null, 10_000L, null, null);
        try (BucketLimiter a = instance(redis, new Limits(1, null, null, null, null), Limits.NONE);
             BucketLimiter b = instance(redis, new Limits(1, null, null, null, null), Limits.NONE)) {
            Caller app = caller("refund-" + UUID.randomUUID(), ip + "-" + UUID.randomUUID(), client);
            assertThat(a.admit(app, 4_000).toCompletableFuture().join().allowed()).isTrue();
            LimitDecision refused = b.admit(app, 4_000).toCompletableFuture().join();
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.scope()).isEqualTo("ip");

            // only the first request's 4000 tokens are gone: after settling it at 1000, a 9000 request fits
            a.settle(app, 4_000, 1_000);
            Caller sameClientOtherIp = caller(app.clientId(), "other-" + UUID.randomUUID(), client);
            LimitDecision big = awaitAllowed(b, sameClientOtherIp, 9_000);
            assertThat(big.allowed()).isTrue();
        }
    }

    /** settle's correction is fire-and-forget: give it a moment to land. */
    static LimitDecision awaitAllowed(BucketLimiter limiter, Caller caller, long tokens) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            LimitDecision decision = limiter.admit(caller, tokens).toCompletableFuture().join();
            if (decision.allowed() || System.nanoTime() > deadline) return decision;
            Thread.sleep(50);
        }
    }

    @Test
    void an_unreachable_redis_fails_closed_with_503() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RedisBucketStore store = RedisBucketStore.connect(URI.create("redis://127.0.0.1:" + closedPort), TIMEOUT);
        try (BucketLimiter limiter = new BucketLimiter(store, Limits.NONE, Limits.NONE, TIMEOUT.plusSeconds(1))) {
            Caller app = caller("app", "10.0.0.1", new Limits(10, null, null, null, 2));
            LimitDecision decision = limiter.admit(app, 0).toCompletableFuture().join();

            assertThat(decision.allowed()).isFalse();
            assertThat(LimitResponses.refusal(decision).status()).isEqualTo(503);
            assertThat(LimitResponses.refusal(decision).code()).isEqualTo("limiter_unavailable");
            assertThat(limiter.inFlight("client:app")).isZero();
        }
    }
}
