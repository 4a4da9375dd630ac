package dev.bulwark.guard.limit;

import dev.bulwark.guard.config.Limits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One budget: {@code capacity} requests or tokens per {@code period} for one scope, refilled smoothly (greedy), each
 * kept in its own bucket so a decision can name the exact limit that spoke.
 */
record LimitRule(Scope scope, Kind kind, long capacity, Duration period) {
    /** Subjects (client ids, IPs) longer than this are hashed in bucket keys. */
    static final int MAX_SUBJECT_IN_KEY = 128;

    enum Scope {
        CLIENT, IP, GLOBAL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Kind {
        REQUESTS, TOKENS;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    LimitRule {
        if (capacity <= 0) {
            throw new IllegalArgumentException(scope.label() + " " + kind.label() + " limit must be positive, was "
                    + capacity);
        }
    }

    /** The rules a {@link Limits} sets for one scope; a null field sets none. */
    static List<LimitRule> of(Scope scope, Limits limits) {
        List<LimitRule> rules = new ArrayList<>(5);
        if (limits == null) return rules;
        Duration minute = Duration.ofMinutes(1);
        Duration day = Duration.ofDays(1);
        if (limits.requestsPerSecond() != null) {
            rules.add(new LimitRule(scope, Kind.REQUESTS, limits.requestsPerSecond(), Duration.ofSeconds(1)));
        }
        if (limits.requestsPerMinute() != null) rules.add(new LimitRule(scope, Kind.REQUESTS, limits.requestsPerMinute(), minute));
        if (limits.requestsPerDay() != null) rules.add(new LimitRule(scope, Kind.REQUESTS, limits.requestsPerDay(), day));
        if (limits.tokensPerMinute() != null) rules.add(new LimitRule(scope, Kind.TOKENS, limits.tokensPerMinute(), minute));
        if (limits.tokensPerDay() != null) rules.add(new LimitRule(scope, Kind.TOKENS, limits.tokensPerDay(), day));
        return List.copyOf(rules);
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    /**
     * What this rule takes for a request: one request, or the estimated tokens capped at the capacity (a request
     * estimated above a whole budget is admitted only when the bucket is full, and empties it).
     */
    long amountFor(long estimatedTokens) {
        return kind == Kind.REQUESTS ? 1 : Math.min(Math.max(0, estimatedTokens), capacity);
    }

    /** Seconds until the bucket is full again from {@code remaining}. */
    long resetSeconds(long remaining) {
        long missing = capacity - Math.max(0, Math.min(remaining, capacity));
        if (missing == 0) return 0;
        double seconds = (double) missing * period.toNanos() / capacity / 1e9;
        return Math.max(1, (long) Math.ceil(seconds));
    }

    /**
     * The bucket's key, unique per scope, subject and budget; the budget is part of it so a changed config starts a
     * fresh bucket instead of inheriting one with the old capacity.
     */
    String key(String subject) {
        return "bulwark:rl:" + scope.label() + ":" + safe(subject) + ":" + kind.label() + ":" + capacity + "/"
                + period.toSeconds() + "s";
    }

    private static String safe(String subject) {
        boolean plain = subject.length() <= MAX_SUBJECT_IN_KEY && subject.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (plain) return subject.replace("%", "%25").replace(":", "%3A");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
