package dev.bulwark.probe.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.probe.fixture.FakeLlmServer;
import dev.bulwark.probe.fixture.TestEngagement;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptRunnerTest {

    @Test
    void judgesEveryAttemptAndTalliesVerdicts() throws Exception {
        try (var server = FakeLlmServer.vulnerable();
             var engagement = TestEngagement.of(TestEngagement.chat(server.chatUrl(), false, List.of()))) {
            HttpCall call = HttpCall.postJson(server.chatUrl(), "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            var attempts = List.of(new ProbeAttempt<>("a", call, 1), new ProbeAttempt<>("b", call, 2),
                    new ProbeAttempt<>("c", call, 3));
            AttemptLog<Integer> log = AttemptRunner.run("test.check", attempts, (attempt, reply) -> switch (attempt.payload()) {
                case 1 -> Judgement.hit("one", "x");
                case 2 -> Judgement.pass("two", "y");
                default -> throw new IllegalStateException("judge bug on a strange reply");
            }, engagement);
            assertThat(log.tally().hits()).isEqualTo(1);
            assertThat(log.tally().passes()).isEqualTo(1);
            assertThat(log.tally().unscorable()).isEqualTo(1);
            assertThat(log.records()).extracting(r -> r.judgement().verdict())
                    .containsExactly(Verdict.HIT, Verdict.PASS, Verdict.UNSCORABLE);
            assertThat(log.rateSummary()).isEqualTo("1 of 2 judged attempts succeeded (50%); 1 could not be judged");
            assertThat(engagement.progressLines()).containsExactly("test.check: a", "test.check: b", "test.check: c");
        }
    }

    @Test
    void stopsAsSoonAsTheEngagementAsksAndWhenEnoughIsKnown() throws Exception {
        try (var server = FakeLlmServer.vulnerable();
             var engagement = TestEngagement.of(TestEngagement.chat(server.chatUrl(), false, List.of()))) {
            HttpCall call = HttpCall.get(server.chatUrl());
            var attempts = Collections.nCopies(10, new ProbeAttempt<Void>("x", call, null));
            AttemptLog<Void> early = AttemptRunner.run("t.x", attempts, (a, r) -> Judgement.pass("p", ""), engagement,
                    record -> true);
            assertThat(early.records()).hasSize(1);
            assertThat(early.stoppedEarly()).isFalse();
            int[] seen = {0};
            AttemptLog<Void> stopped = AttemptRunner.run("t.x", attempts, (a, r) -> {
                if (++seen[0] == 2) engagement.requestStop();
                return Judgement.pass("p", "");
            }, engagement);
            assertThat(stopped.records()).hasSize(2);
            assertThat(stopped.stoppedEarly()).isTrue();
            assertThat(server.requests()).isEqualTo(3);
        }
    }

    @Test
    void evidenceIsMaskedAndCredentialsDropped() {
        var target = TestEngagement.chat(java.net.URI.create("http://127.0.0.1:1/v1"), true, List.of());
        HttpCall call = HttpCall.postJson(target.url(), "{\"q\": \"mail jane.doe@example.com\"}")
                .withHeader("Authorization", "Bearer " + FakeLlmServer.TOKEN);
        String request = ProbeFindings.request(call, target);
        assertThat(request).doesNotContain(FakeLlmServer.TOKEN).doesNotContain("jane.doe@example.com")
                .contains("POST http://127.0.0.1:1/v1").contains("Authorization: Be");
        assertThat(ProbeFindings.mask("x".repeat(10_000), 100)).hasSizeLessThan(140).endsWith("characters in all]");
    }
}
