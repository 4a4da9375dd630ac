package dev.bulwark.probe.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.SessionRecipe;
import dev.bulwark.probe.api.MissingAuthCheck;
import dev.bulwark.probe.fixture.TestEngagement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code api.missing-auth} on targets behind a login: the unauthenticated requests come from a fresh client that
 * sends no auth header, no session cookie and no value the login extracted, against a real local server.
 */
class MissingAuthOnSessionTest {
    private static HttpTarget target(StatefulServer server, String path, String request, Map<String, String> headers) {
        SessionRecipe recipe = new SessionRecipe("POST", server.uri("/login"),
                "{\"user\": \"demo\", \"password\": \"" + StatefulServer.PASSWORD + "\"}", Map.of(),
                List.of(new SessionRecipe.Extract("token", SessionRecipe.Source.JSON_PATH, "$.data.token"),
                        new SessionRecipe.Extract("csrf", SessionRecipe.Source.HEADER, "X-CSRF-Token")), true);
        return new HttpTarget("shop", server.uri(path), "POST", request, "$.reply", headers, Optional.empty(),
                List.of(), List.of(), false, Optional.of(recipe));
    }

    private static HttpTarget cookieOnly(StatefulServer server, String path) {
        return target(server, path, "{\"q\": \"{{prompt}}\", \"session\": \"{{token}}\"}",
                Map.of("Authorization", "Bearer {{token}}", "X-CSRF", "{{csrf}}", "X-Tenant", "acme"));
    }

    @Test
    void aTargetProtectedByItsSessionCookieIsNotReportedAndNoCredentialLeaksIntoTheProbe() throws Exception {
        try (var server = new StatefulServer()) {
            HttpTarget target = cookieOnly(server, "/api/cookie-chat");
            try (var ctx = TestEngagement.of(target)) {
                CheckOutcome outcome = new MissingAuthCheck().run(target, ctx);
                assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
                assertThat(outcome.findings()).isEmpty();
                assertThat(outcome.tally().passes()).isEqualTo(2);
                assertThat(server.logins.get()).isEqualTo(1);
                // the baseline carried the session; the two probes carried nothing of it
                assertThat(server.seen).hasSize(3);
                assertThat(server.seen.get(0)).contains("cookie=sid=s1", "auth=Bearer tok-1", "csrf=csrf-1");
                for (String probe : server.seen.subList(1, 3)) {
                    assertThat(probe).contains("auth=-", "cookie=-", "csrf=-", "\"session\": \"\"")
                            .doesNotContain("tok-1", "sid=");
                }
                assertThat(ctx.http().requestsSent()).isEqualTo(4L); // login, baseline, two probes
            }
        }
    }

    @Test
    void aTargetThatAnswersWithoutTheSessionIsConfirmed() throws Exception {
        try (var server = new StatefulServer()) {
            HttpTarget target = cookieOnly(server, "/api/open");
            try (var ctx = TestEngagement.of(target)) {
                CheckOutcome outcome = new MissingAuthCheck().run(target, ctx);
                assertThat(outcome.findings()).singleElement().satisfies(f -> {
                    assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
                    assertThat(f.description()).contains("session");
                });
                assertThat(server.seen.subList(1, server.seen.size())).allSatisfy(
                        probe -> assertThat(probe).contains("auth=-", "cookie=-", "csrf=-"));
            }
        }
    }

    @Test
    void aFailedLoginMeansNotTestedNeverPassed() throws Exception {
        try (var server = new StatefulServer()) {
            SessionRecipe wrong = new SessionRecipe("POST", server.uri("/login"), "{\"password\": \"nope\"}",
                    Map.of(), List.of(), true);
            HttpTarget target = new HttpTarget("shop", server.uri("/api/cookie-chat"), "POST",
                    "{\"q\": \"{{prompt}}\"}", "$.reply", Map.of(), Optional.empty(), List.of(), List.of(), false,
                    Optional.of(wrong));
            try (var ctx = TestEngagement.of(target)) {
                CheckOutcome outcome = new MissingAuthCheck().run(target, ctx);
                assertThat(outcome.coverage()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(outcome.findings()).isEmpty();
            }
        }
    }

    @Test
    void theSessionTargetPlansItsBaseline() throws Exception {
        try (var server = new StatefulServer()) {
            assertThat(new MissingAuthCheck().plannedRequests(cookieOnly(server, "/api/open"), null)).isEqualTo(3);
        }
    }
}
