package dev.bulwark.core.scope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the pentest may do: the only hosts it may contact, its request rate and budget, per-request timeout and
 * retries, an optional time window, and whether destructive tests are allowed.
 */
public record RulesOfEngagement(
        List<String> allowedHosts,
        double maxRequestsPerSecond,
        int maxRequests,
        boolean destructive,
        Duration requestTimeout,
        int maxRetries,
        Instant notBefore,
        Instant notAfter) {

    public RulesOfEngagement {
        allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (maxRequestsPerSecond <= 0) throw new IllegalArgumentException("maxRequestsPerSecond must be > 0");
        if (maxRequests < 0) throw new IllegalArgumentException("maxRequests must be >= 0");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
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
