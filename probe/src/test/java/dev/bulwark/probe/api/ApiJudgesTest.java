package dev.bulwark.probe.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.probe.attempt.ProbeAttempt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ApiJudgesTest {
    private static final ProbeAttempt<Void> ATTEMPT = new ProbeAttempt<>("t", HttpCall.get(URI.create("http://127.0.0.1/")), null);

    private static HttpReply reply(int status, Map<String, List<String>> headers) {
        return new HttpReply(status, headers, new byte[0], false, URI.create("http://127.0.0.1/"), Duration.ZERO, 1);
    }

    @Test
    void corsPoliciesAreClassified() {
        assertThat(CorsCheck.classify(reply(200, Map.of("access-control-allow-origin", List.of("https://attacker.example"),
                "Access-Control-Allow-Credentials", List.of("true"))))).isEqualTo(CorsCheck.Policy.REFLECTED_WITH_CREDENTIALS);
        assertThat(CorsCheck.classify(reply(200, Map.of("Access-Control-Allow-Origin", List.of("null")))))
                .isEqualTo(CorsCheck.Policy.REFLECTED);
        assertThat(CorsCheck.classify(reply(200, Map.of("Access-Control-Allow-Origin", List.of("*")))))
                .isEqualTo(CorsCheck.Policy.WILDCARD);
        assertThat(CorsCheck.classify(reply(200, Map.of("Access-Control-Allow-Origin", List.of("https://shop.example")))))
                .isEqualTo(CorsCheck.Policy.STRICT);
        assertThat(CorsCheck.classify(reply(200, Map.of()))).isEqualTo(CorsCheck.Policy.STRICT);
    }

    @Test
    void corsSeverityFollowsThePolicy() {
        assertThat(ApiProbes.cvss(CorsCheck.Policy.REFLECTED_WITH_CREDENTIALS.vector).severity()).isEqualTo(Severity.HIGH);
        assertThat(ApiProbes.cvss(CorsCheck.Policy.REFLECTED.vector).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(ApiProbes.cvss(CorsCheck.Policy.WILDCARD.vector).severity()).isEqualTo(Severity.LOW);
        assertThat(ApiProbes.cvss(CleartextCheck.LOOPBACK_VECTOR).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void throttledOrBrokenCorsRepliesAreErrorsNotPasses() {
        assertThat(CorsCheck.judge(ATTEMPT, reply(429, Map.of())).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(CorsCheck.judge(ATTEMPT, reply(503, Map.of())).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(CorsCheck.judge(ATTEMPT, reply(405, Map.of())).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void rateLimitVerdicts() {
        assertThat(RateLimitCheck.judge(ATTEMPT, reply(429, Map.of("Retry-After", List.of("2")))).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(RateLimitCheck.judge(ATTEMPT, reply(503, Map.of())).verdict()).isEqualTo(Verdict.PASS);
        assertThat(RateLimitCheck.judge(ATTEMPT, reply(200, Map.of())).verdict()).isEqualTo(Verdict.HIT);
        assertThat(RateLimitCheck.judge(ATTEMPT, reply(401, Map.of())).verdict()).isEqualTo(Verdict.ERROR);
    }

    @Property(tries = 300)
    void burstNeverExceedsItsShareOfTheBudget(@ForAll @IntRange(max = 100_000) int maxRequests,
                                             @ForAll @LongRange(min = -5, max = 100_000) long remaining) {
        int burst = RateLimitCheck.burstSize(maxRequests, remaining);
        assertThat(burst).isBetween(0, 20).isLessThanOrEqualTo(maxRequests / 10);
        assertThat((long) burst).isLessThanOrEqualTo(Math.max(0, remaining));
    }

    @Test
    void loopbackIsRecognisedFromTheLiteralHost() {
        assertThat(ApiProbes.isLoopback(URI.create("http://127.0.0.1:8080/x"))).isTrue();
        assertThat(ApiProbes.isLoopback(URI.create("http://localhost/x"))).isTrue();
        assertThat(ApiProbes.isLoopback(URI.create("http://[::1]:9/x"))).isTrue();
        assertThat(ApiProbes.isLoopback(URI.create("http://10.0.0.5/x"))).isFalse();
        assertThat(ApiProbes.isLoopback(URI.create("http://127.0.0.1.nip.example/x")))
                .as("a name that merely starts like a loopback address can resolve anywhere").isFalse();
    }
}
