package dev.bulwark.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void retryAfterIsDeltaSecondsOrAnHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("Sun, 01 Mar 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void garbageRetryAfterIsIgnored() {
        assertThat(RetryPolicy.parseRetryAfter("-5", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("1.5", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("9".repeat(100), NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isEmpty();
    }

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        var policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
            assertThat(policy.backoff(40)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(15));
        }
    }

    @Test
    void onlyThrottlingAndGatewayTroubleAreRetried() {
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(502)).isTrue();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(504)).isTrue();
        assertThat(RetryPolicy.retryable(500)).isFalse();
        assertThat(RetryPolicy.retryable(404)).isFalse();
    }
}
