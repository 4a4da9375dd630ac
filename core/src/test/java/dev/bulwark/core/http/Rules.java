package dev.bulwark.core.http;

import dev.bulwark.core.scope.RulesOfEngagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Rules of engagement for tests, built directly (the scope loader is not involved). */
public final class Rules {
    private Rules() {
    }

    /** Loopback only, fast, a generous budget, two retries, a short timeout. */
    public static RulesOfEngagement loopback() {
        return of(List.of("127.0.0.1"), 1000, 1000, 2);
    }

    public static RulesOfEngagement of(List<String> hosts, double rate, int budget, int retries) {
        return new RulesOfEngagement(hosts, rate, budget, false, Duration.ofSeconds(5), retries, null, null);
    }

    public static RulesOfEngagement window(Instant notBefore, Instant notAfter) {
        return new RulesOfEngagement(List.of("127.0.0.1"), 1000, 1000, false, Duration.ofSeconds(5), 0,
                notBefore, notAfter);
    }

    public static RulesOfEngagement timeout(Duration timeout, int retries) {
        return new RulesOfEngagement(List.of("127.0.0.1"), 1000, 1000, false, timeout, retries, null, null);
    }
}
