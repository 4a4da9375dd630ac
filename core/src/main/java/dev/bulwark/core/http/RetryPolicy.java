package dev.bulwark.core.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * When and how long to wait before trying again. Exponential back-off with jitter keeps several threads from
 * hammering a struggling target in lock-step; {@code Retry-After} is honoured because the target's owner asked for
 * exactly that pause, but only up to a cap, so a hostile or misconfigured target cannot park the engagement.
 */
final class RetryPolicy {
    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d{1,12}");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Duration base;
    private final Duration maxRetryAfter;

    RetryPolicy(Duration base, Duration maxRetryAfter) {
        this.base = base;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** Statuses worth another try: throttling and gateway trouble. A plain 500 is an answer, not a hiccup. */
    static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    static boolean throttling(int status) {
        return status == 429 || status == 503;
    }

    /** Back-off before try {@code failedTries + 1}: base × 2^(n-1), capped, plus up to half of that again. */
    Duration backoff(int failedTries) {
        int shift = Math.min(Math.max(failedTries - 1, 0), 20);
        long nanos = Math.min(base.toNanos() << shift, MAX_BACKOFF.toNanos());
        long jitter = nanos / 2 > 0 ? ThreadLocalRandom.current().nextLong(nanos / 2 + 1) : 0;
        return Duration.ofNanos(nanos + jitter);
    }

    Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Parses a {@code Retry-After} value: delta-seconds or an HTTP-date (a date in the past means "now"). Anything
     * else is ignored, and the caller falls back to its own back-off.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null) return Optional.empty();
        String v = value.strip();
        if (v.isEmpty() || v.length() > 64) return Optional.empty();
        if (DELTA_SECONDS.matcher(v).matches()) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
