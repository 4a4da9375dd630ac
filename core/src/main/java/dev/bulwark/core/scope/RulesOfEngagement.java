package dev.bulwark.core.scope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the pentest may do: the only hosts it may contact, its request rate and budget, per-request timeout and
 * retries, an optional time window, whether destructive tests are allowed, and whether the loopback out-of-band
 * collector may run (it listens on 127.0.0.1 only and never sends anything; docs/scope.md).
 */
public record RulesOfEngagement(
        List<String> allowedHosts,
        double maxRequestsPerSecond,
        int maxRequests,
        boolean destructive,
        Duration requestTimeout,
        int maxRetries,
        Instant notBefore,
        Instant notAfter,
        boolean outOfBandCollector) {

    /** Rules without the out-of-band collector (the default). */
    public RulesOfEngagement(List<String> allowedHosts, double maxRequestsPerSecond, int maxRequests, boolean destructive,
                             Duration requestTimeout, int maxRetries, Instant notBefore, Instant notAfter) {
        this(allowedHosts, maxRequestsPerSecond, maxRequests, destructive, requestTimeout, maxRetries, notBefore,
                notAfter, false);
    }

    /** Defaults of {@code bulwark.yaml} (docs/scope.md). */
    public static final double DEFAULT_MAX_REQUESTS_PER_SECOND = 5;
    public static final int DEFAULT_MAX_REQUESTS = 1000;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RETRIES = 3;

    /** A missing window bound means "open": {@code null} becomes {@link Instant#MIN} / {@link Instant#MAX}. */
    public RulesOfEngagement {
        allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (requestTimeout == null) requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        if (notBefore == null) notBefore = Instant.MIN;
        if (notAfter == null) notAfter = Instant.MAX;
        if (maxRequestsPerSecond <= 0) throw new IllegalArgumentException("maxRequestsPerSecond must be > 0");
        if (maxRequests < 0) throw new IllegalArgumentException("maxRequests must be >= 0");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
    }

    /** The scope-file defaults for everything but the hosts: 5 req/s, 1000 requests, 30 s, 3 retries, no window. */
    public static RulesOfEngagement defaults(List<String> allowedHosts) {
        return new RulesOfEngagement(allowedHosts, DEFAULT_MAX_REQUESTS_PER_SECOND, DEFAULT_MAX_REQUESTS, false,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_RETRIES, null, null, false);
    }

    /** Whether {@code now} lies inside the test window (both ends inclusive). */
    public boolean withinWindow(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    /** Case-insensitive exact host match; IPv6 literals may be written with or without brackets. */
    public boolean allows(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        for (String allowed : allowedHosts) {
            String a = allowed.startsWith("[") && allowed.endsWith("]") ? allowed.substring(1, allowed.length() - 1) : allowed;
            if (a.equals(h)) return true;
        }
        return false;
    }
}
