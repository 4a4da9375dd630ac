package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.api.CleartextCheck;
import dev.bulwark.probe.api.CorsCheck;
import dev.bulwark.probe.api.MissingAuthCheck;
import dev.bulwark.probe.api.RateLimitCheck;
import dev.bulwark.probe.api.VerboseErrorsCheck;
import dev.bulwark.probe.fixture.FakeLlmServer;
import dev.bulwark.probe.fixture.TestEngagement;
import dev.bulwark.probe.llm.InjectionPrompts;
import dev.bulwark.probe.llm.LeakPrompts;
import dev.bulwark.probe.llm.PromptInjectionCheck;
import dev.bulwark.probe.llm.SystemPromptLeakCheck;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every check against the deliberately vulnerable fake: each must report its weakness. */
class VulnerableTargetTest {
    private FakeLlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = FakeLlmServer.vulnerable();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CheckOutcome run(Check check, PromptTarget target) throws InterruptedException {
        try (var engagement = TestEngagement.of(target)) {
            CheckOutcome outcome = check.run(target, engagement);
            assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.findings()).hasSize(1);
            Finding finding = outcome.findings().get(0);
            assertThat(finding.check()).isEqualTo(check.descriptor().id());
            assertThat(finding.target()).isEqualTo(target.id());
            assertThat(finding.assets()).isEqualTo(target.assets());
            assertThat(finding.location().url()).isEqualTo(target.url().toString());
            assertThat(String.valueOf(finding.evidence().request()) + finding.evidence().response()
                    + finding.evidence().samples()).doesNotContain(FakeLlmServer.TOKEN);
            return outcome;
        }
    }

    @Test
    void promptInjectionIsConfirmedWithEveryPhrasingAndItsRate() throws Exception {
        var outcome = run(new PromptInjectionCheck(), TestEngagement.chat(server.chatUrl(), false, List.of()));
        Finding f = outcome.findings().get(0);
        int n = InjectionPrompts.ALL.size();
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(outcome.tally().hits()).isEqualTo(n);
        assertThat(f.evidence().attempts()).isEqualTo(n);
        assertThat(f.evidence().successes()).isEqualTo(n);
        assertThat(f.evidence().response()).containsPattern("BWK-[0-9a-f]{8}");
        assertThat(f.evidence().request()).contains("POST " + server.chatUrl()).contains("\"messages\"");
        assertThat(f.title()).contains(n + "/" + n);
        assertThat(f.description()).contains(n + " of " + n + " judged attempts succeeded (100%)");
        assertThat(server.requests()).isEqualTo(n);
    }

    @Test
    void eachInjectionAttemptCarriesItsOwnCanary() throws Exception {
        var outcome = run(new PromptInjectionCheck(), TestEngagement.chat(server.chatUrl(), false, List.of()));
        var samples = outcome.findings().get(0).evidence().samples();
        var codes = samples.stream().map(s -> s.replaceAll("(?s).*?(BWK-[0-9a-f]{8}).*", "$1")).distinct().toList();
        assertThat(codes).hasSize(samples.size()).allMatch(c -> c.matches("BWK-[0-9a-f]{8}"));
    }

    @Test
    void systemPromptLeakWithCanaryIsConfirmed() throws Exception {
        var target = TestEngagement.chat(server.chatUrl(), false, List.of(FakeLlmServer.CANARY));
        Finding f = run(new SystemPromptLeakCheck(), target).findings().get(0);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        // The fake recognises the plain English asks that name "instructions", "the text above" or "You are".
        assertThat(f.evidence().successes()).isEqualTo(8);
        assertThat(f.evidence().attempts()).isEqualTo(LeakPrompts.EVERY.size());
        assertThat(f.evidence().response()).contains(FakeLlmServer.CANARY);
    }

    @Test
    void systemPromptLeakWithoutCanaryIsTentative() throws Exception {
        Finding f = run(new SystemPromptLeakCheck(), TestEngagement.chat(server.chatUrl(), false, List.of()))
                .findings().get(0);
        assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
        assertThat(f.description()).contains("heuristic");
    }

    @Test
    void anonymousAnswerIsReportedWhenScopeHasNoCredential() throws Exception {
        Finding f = run(new MissingAuthCheck(), TestEngagement.chat(server.chatUrl(), false, List.of())).findings().get(0);
        assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
        assertThat(f.description()).contains("gives no credential");
    }

    @Test
    void answerWithoutTheScopesCredentialIsConfirmed() throws Exception {
        Finding f = run(new MissingAuthCheck(), TestEngagement.chat(server.chatUrl(), true, List.of())).findings().get(0);
        assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(f.description()).contains("no credential at all");
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void reflectedOriginWithCredentialsIsHighSeverity() throws Exception {
        Finding f = run(new CorsCheck(), TestEngagement.chat(server.chatUrl(), true, List.of())).findings().get(0);
        assertThat(f.cvss()).isNotNull();
        assertThat(f.cvss().severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence().response()).contains("Access-Control-Allow-Credentials: true");
        assertThat(f.evidence().request()).contains("Origin: https://attacker.example");
    }

    @Test
    void stackTraceInErrorReplyIsReported() throws Exception {
        Finding f = run(new VerboseErrorsCheck(), TestEngagement.chat(server.chatUrl(), false, List.of())).findings().get(0);
        assertThat(f.evidence().response()).contains("RequestParser.java:42");
        assertThat(f.evidence().successes()).isEqualTo(4);
        assertThat(f.description()).contains("Java stack frame");
    }

    @Test
    void cleartextOnLoopbackIsLowSeverityAndSendsNothing() throws Exception {
        Finding f = run(new CleartextCheck(), TestEngagement.chat(server.chatUrl(), false, List.of())).findings().get(0);
        assertThat(f.cvss().severity()).isEqualTo(Severity.LOW);
        assertThat(server.requests()).isZero();
    }

    @Test
    void unthrottledBurstIsReportedWithCountAndRate() throws Exception {
        var outcome = run(new RateLimitCheck(), TestEngagement.chat(server.chatUrl(), false, List.of()));
        assertThat(server.requests()).isEqualTo(20);
        assertThat(outcome.findings().get(0).description()).contains("all 20 requests").contains("requests/s");
    }

    @Test
    void templatedFormTargetIsProbedThroughItsTemplateAndJsonPath() throws Exception {
        var target = TestEngagement.form(server.formUrl(), "$.data.answer", false);
        Finding f = run(new PromptInjectionCheck(), target).findings().get(0);
        assertThat(f.evidence().successes()).isEqualTo(InjectionPrompts.ALL.size());
        assertThat(f.evidence().request()).contains("{\"q\": \"").contains("X-Client: bulwark-test");
    }

    @Test
    void templatedFormTargetWithObjectPathIsJudgedOnTheRenderedJson() throws Exception {
        var target = TestEngagement.form(server.formUrl(), "$.data", false);
        Finding f = run(new PromptInjectionCheck(), target).findings().get(0);
        assertThat(f.evidence().response()).startsWith("{\"answer\":");
    }

    @Test
    void fingerprintIsStableAcrossRuns() throws Exception {
        var target = TestEngagement.chat(server.chatUrl(), false, List.of());
        String first = run(new PromptInjectionCheck(), target).findings().get(0).fingerprint();
        String second = run(new PromptInjectionCheck(), target).findings().get(0).fingerprint();
        assertThat(first).isEqualTo(second);
    }
}
