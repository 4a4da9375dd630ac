package dev.bulwark.guard.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import dev.bulwark.guard.pipeline.Refusal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BucketLimiterTest {
    final FakeTime time = new FakeTime();
    final LocalBucketStore store = new LocalBucketStore(time, 1_000, 1_000);

    BucketLimiter limiter(Limits perIp, Limits global) {
        return new BucketLimiter(store, perIp, global, Duration.ofSeconds(5));
    }

    static Caller caller(String id, String ip, Limits limits) {
        return new Caller(id, Set.of("chat"), ip, "key", limits);
    }

    static LimitDecision admit(BucketLimiter limiter, Caller caller, long tokens) {
        return limiter.admit(caller, tokens).toCompletableFuture().join();
    }

    @Test
    void the_refusal_carries_the_wait_until_the_next_request_fits() {
        BucketLimiter limiter = limiter(Limits.NONE, Limits.NONE);
        Caller app = caller("app", "10.0.0.1", new Limits(2, null, null, null, null));

        LimitDecision first = admit(limiter, app, 0);
        assertThat(first).isEqualTo(new LimitDecision(true, 2, 1, 30, 0, "client", "requests"));
        assertThat(admit(limiter, app, 0).allowed()).isTrue();
        LimitDecision third = admit(limiter, app, 0);

        // 2 per minute refill one every 30 s
        assertThat(third).isEqualTo(new LimitDecision(false, 2, 0, 60, 30, "client", "requests"));
        assertThat(LimitResponses.headers(third)).containsEntry("Retry-After", "30")
                .containsEntry("RateLimit-Limit", "2").containsEntry("RateLimit-Remaining", "0")
                .containsEntry("RateLimit-Reset", "60");
        Refusal refusal = LimitResponses.refusal(third);
        assertThat(refusal.status()).isEqualTo(429);
        assertThat(refusal.code()).isEqualTo("rate_limit_exceeded");
        assertThat(refusal.headers()).containsEntry("Retry-After", "30");

        time.advance(Duration.ofSeconds(29));
        assertThat(admit(limiter, app, 0).retryAfterSeconds()).isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(admit(limiter, app, 0).allowed()).isTrue();
    }

    @Test
    void the_day_limit_makes_the_caller_wait_longer_than_the_minute_limit() {
        BucketLimiter limiter = limiter(Limits.NONE, Limits.NONE);
        Caller app = caller("app", "10.0.0.1", new Limits(10, 2, null, null, null));
        admit(limiter, app, 0);
        admit(limiter, app, 0);

        LimitDecision refused = admit(limiter, app, 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(2);
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void a_refused_request_costs_the_other_buckets_nothing() {
        Limits client = new Limits(100, null, 10_000L, null, null);
        Limits perIp = new Limits(1, null, null, null, null);
        Limits global = new Limits(1_000, null, 100_000L, null, null);
        BucketLimiter limiter = limiter(perIp, global);
        Caller app = caller("app", "10.0.0.1", client);
        LimitRule clientRequests = LimitRule.of(LimitRule.Scope.CLIENT, client).get(0);
        LimitRule clientTokens = LimitRule.of(LimitRule.Scope.CLIENT, client).get(1);
        LimitRule globalRequests = LimitRule.of(LimitRule.Scope.GLOBAL, global).get(0);
        LimitRule globalTokens = LimitRule.of(LimitRule.Scope.GLOBAL, global).get(1);

        assertThat(admit(limiter, app, 500).allowed()).isTrue();
        for (int i = 0; i < 5; i++) {
            LimitDecision refused = admit(limiter, app, 500);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.scope()).isEqualTo("ip");
        }

        assertThat(store.available(clientRequests.key("app"), clientRequests)).isEqualTo(99);
        assertThat(store.available(clientTokens.key("app"), clientTokens)).isEqualTo(9_500);
        assertThat(store.available(globalRequests.key("all"), globalRequests)).isEqualTo(999);
        assertThat(store.available(globalTokens.key("all"), globalTokens)).isEqualTo(99_500);
    }

    @Test
    void ipv6_callers_share_the_per_address_limit_with_their_slash_64() {
        BucketLimiter limiter = limiter(new Limits(1, null, null, null, null), Limits.NONE);
        assertThat(admit(limiter, caller("a", "2001:db8:1:2::7", Limits.NONE), 0).allowed()).isTrue();
        LimitDecision sameSubscriber = admit(limiter, caller("b", "2001:db8:1:2:ffff:1:2:3", Limits.NONE), 0);
        assertThat(sameSubscriber.allowed()).as("another address of the same /64").isFalse();
        assertThat(sameSubscriber.scope()).isEqualTo("ip");
        assertThat(admit(limiter, caller("c", "2001:db8:1:3::7", Limits.NONE), 0).allowed()).as("the next /64").isTrue();
        assertThat(admit(limiter, caller("d", "10.0.0.1", Limits.NONE), 0).allowed()).isTrue();
        assertThat(admit(limiter, caller("e", "10.0.0.2", Limits.NONE), 0).allowed()).as("IPv4: each address").isTrue();
    }

    @Test
    void settling_corrects_the_token_budget_both_ways_and_an_overrun_makes_the_next_request_wait() {
        Limits client = new Limits(null, null, 1_000L, null, null);
        BucketLimiter limiter = limiter(Limits.NONE, Limits.NONE);
        Caller app = caller("app", "10.0.0.1", client);
        LimitRule tokens = LimitRule.of(LimitRule.Scope.CLIENT, client).get(0);
        String key = tokens.key("app");

        LimitDecision admitted = admit(limiter, app, 300);
        assertThat(admitted).isEqualTo(new LimitDecision(true, 1_000, 700, 18, 0, "client", "tokens"));
        limiter.settle(app, 300, 100);
        assertThat(store.available(key, tokens)).isEqualTo(900);

        admit(limiter, app, 300);
        limiter.settle(app, 300, 500);
        assertThat(store.available(key, tokens)).isEqualTo(400);

        // an estimate above the whole budget takes the whole budget; the real usage overruns it
        admit(limiter, app, 400);
        limiter.settle(app, 400, 1_000);
        assertThat(store.available(key, tokens)).isEqualTo(-600);
        LimitDecision refused = admit(limiter, app, 10);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.kind()).isEqualTo("tokens");
        assertThat(refused.retryAfterSeconds()).isEqualTo(37); // 610 tokens at 1000/min = 36.6 s
    }

    @Test
    void an_estimate_above_a_budget_is_capped_at_it() {
        Limits client = new Limits(null, null, 1_000L, null, null);
        BucketLimiter limiter = limiter(Limits.NONE, Limits.NONE);
        Caller app = caller("app", "10.0.0.1", client);

        assertThat(admit(limiter, app, 50_000).allowed()).isTrue();
        limiter.settle(app, 50_000, 0);
        assertThat(admit(limiter, app, 50_000).allowed()).as("the unused estimate was given back").isTrue();
    }

    @Test
    void a_concurrency_slot_is_held_until_settled_and_released_when_refused() {
        Limits client = new Limits(1, null, null, null, 1);
        BucketLimiter limiter = limiter(Limits.NONE, new Limits(null, null, null, null, 10));
        Caller app = caller("app", "10.0.0.1", client);

        assertThat(admit(limiter, app, 0).allowed()).isTrue();
        LimitDecision busy = admit(limiter, app, 0);
        assertThat(busy.allowed()).isFalse();
        assertThat(busy.kind()).isEqualTo("concurrency");
        assertThat(LimitResponses.refusal(busy).status()).isEqualTo(429);
        assertThat(limiter.inFlight("global")).as("the global slot taken before the refusal was given back").isEqualTo(1);

        limiter.settle(app, 0, 0);
        assertThat(limiter.inFlight("client:app")).isZero();
        assertThat(limiter.inFlight("global")).isZero();

        LimitDecision overRate = admit(limiter, app, 0);
        assertThat(overRate.kind()).isEqualTo("requests");
        assertThat(limiter.inFlight("client:app")).as("a request refused by its rate holds no slot").isZero();
        assertThat(limiter.inFlight("global")).isZero();
    }

    @Test
    void per_ip_buckets_are_bounded_and_the_least_recently_used_is_forgotten() {
        LocalBucketStore small = new LocalBucketStore(time, 1_000, 50);
        Limits perIp = new Limits(1, null, null, null, null);
        BucketLimiter limiter = new BucketLimiter(small, perIp, Limits.NONE, Duration.ofSeconds(5));
        LimitRule ipRule = LimitRule.of(LimitRule.Scope.IP, perIp).get(0);

        for (int i = 0; i < 10_000; i++) {
            admit(limiter, caller("app", "198.51." + (i / 256) + "." + (i % 256), Limits.NONE), 0);
        }

        assertThat(small.size(LimitRule.Scope.IP)).isEqualTo(50);
        assertThat(small.holds(LimitRule.Scope.IP, ipRule.key("198.51.39.15"))).as("the newest").isTrue();
        assertThat(small.holds(LimitRule.Scope.IP, ipRule.key("198.51.0.0"))).as("the oldest").isFalse();
        assertThat(admit(limiter, caller("app", "198.51.39.15", Limits.NONE), 0).allowed()).isFalse();
    }

    @Test
    void a_failing_store_refuses_with_503_gives_back_what_was_granted_and_releases_the_slot() {
        Limits limits = new Limits(5, null, null, null, 1);
        LimitRule rule = LimitRule.of(LimitRule.Scope.CLIENT, limits).get(0);
        BucketStore failingGlobal = new BucketStore() {
            @Override
            public CompletableFuture<Probe> tryConsume(String key, LimitRule r, long amount) {
                if (r.scope() == LimitRule.Scope.GLOBAL) return CompletableFuture.failedFuture(new RuntimeException("down"));
                return store.tryConsume(key, r, amount);
            }

            @Override
            public void refund(String key, LimitRule r, long amount) {
                store.refund(key, r, amount);
            }

            @Override
            public void charge(String key, LimitRule r, long amount) {
                store.charge(key, r, amount);
            }

            @Override
            public void close() {
            }
        };
        BucketLimiter limiter = new BucketLimiter(failingGlobal, Limits.NONE, new Limits(100, null, null, null, null),
                Duration.ofSeconds(5));
        Caller app = caller("app", "10.0.0.1", limits);

        LimitDecision decision = admit(limiter, app, 0);

        assertThat(decision.allowed()).isFalse();
        Refusal refusal = LimitResponses.refusal(decision);
        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.code()).isEqualTo("limiter_unavailable");
        assertThat(refusal.headers()).containsEntry("Retry-After", "1");
        assertThat(store.available(rule.key("app"), rule)).isEqualTo(5);
        assertThat(limiter.inFlight("client:app")).isZero();
    }

    @Test
    void without_any_limit_everything_is_admitted_and_no_limit_headers_are_sent() {
        BucketLimiter limiter = limiter(Limits.NONE, Limits.NONE);
        LimitDecision decision = admit(limiter, caller("app", "10.0.0.1", Limits.NONE), 100);
        assertThat(decision.allowed()).isTrue();
        assertThat(LimitResponses.headers(decision)).isEmpty();
    }

    @Test
    void client_ids_with_separators_cannot_collide_with_other_keys() {
        LimitRule rule = new LimitRule(LimitRule.Scope.CLIENT, LimitRule.Kind.REQUESTS, 5, Duration.ofMinutes(1));
        assertThat(rule.key("a:requests:5/60s")).isNotEqualTo(rule.key("a")).startsWith("bulwark:");
        assertThat(rule.key("x".repeat(500))).contains("sha256-").hasSizeLessThan(200);
    }
}
