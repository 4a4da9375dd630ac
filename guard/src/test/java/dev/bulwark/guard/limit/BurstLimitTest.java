package dev.bulwark.guard.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code requestsPerSecond}: a per-minute budget lets a minute's worth through at once; the burst limit does not. */
class BurstLimitTest {
    final FakeTime time = new FakeTime();
    final BucketLimiter limiter = new BucketLimiter(new LocalBucketStore(time, 1_000, 1_000), Limits.NONE, Limits.NONE,
            Duration.ofSeconds(5));

    @Test
    void a_burst_past_the_per_second_limit_is_refused_although_the_minute_budget_has_room() {
        Caller app = BucketLimiterTest.caller("app", "10.0.0.1", new Limits(60, null, null, null, null, 3));
        for (int i = 0; i < 3; i++) assertThat(BucketLimiterTest.admit(limiter, app, 0).allowed()).isTrue();

        LimitDecision fourth = BucketLimiterTest.admit(limiter, app, 0);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.limit()).isEqualTo(3);
        assertThat(fourth.retryAfterSeconds()).isEqualTo(1);

        time.advance(Duration.ofSeconds(1));
        assertThat(BucketLimiterTest.admit(limiter, app, 0).allowed()).isTrue();
    }

    @Test
    void without_a_burst_limit_the_whole_minute_budget_can_go_at_once() {
        Caller app = BucketLimiterTest.caller("app", "10.0.0.1", new Limits(20, null, null, null, null));
        for (int i = 0; i < 20; i++) assertThat(BucketLimiterTest.admit(limiter, app, 0).allowed()).isTrue();
        assertThat(BucketLimiterTest.admit(limiter, app, 0).allowed()).isFalse();
    }
}
