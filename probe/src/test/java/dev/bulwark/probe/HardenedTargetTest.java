package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Coverage;
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
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check against the hardened fake: each must test and pass, with real pass verdicts behind it. */
class HardenedTargetTest {

    private static CheckOutcome passes(Check check, FakeLlmServer server, PromptTarget target) throws Exception {
        try (var engagement = TestEngagement.of(target)) {
            CheckOutcome outcome = check.run(target, engagement);
            assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.findings()).isEmpty();
            assertThat(outcome.tally().hits()).isZero();
            assertThat(outcome.tally().passes()).isPositive();
            return outcome;
        }
    }

    @Test
    void injectionAndLeakAttemptsAreRefused() throws Exception {
        try (var server = FakeLlmServer.hardened()) {
            var target = TestEngagement.chat(server.chatUrl(), true, List.of(FakeLlmServer.CANARY));
            assertThat(passes(new PromptInjectionCheck(), server, target).tally().passes())
                    .isEqualTo(InjectionPrompts.ALL.size());
            assertThat(passes(new SystemPromptLeakCheck(), server, target).tally().passes())
                    .isEqualTo(LeakPrompts.EVERY.size());
            var noCanary = TestEngagement.chat(server.chatUrl(), true, List.of());
            passes(new SystemPromptLeakCheck(), server, noCanary);
        }
    }

    @Test
    void requestsWithoutTheCredentialAreRefused() throws Exception {
        try (var server = FakeLlmServer.hardened()) {
            passes(new MissingAuthCheck(), server, TestEngagement.chat(server.chatUrl(), true, List.of()));
            passes(new MissingAuthCheck(), server, TestEngagement.chat(server.chatUrl(), false, List.of()));
        }
    }

    @Test
    void corsAndErrorsAreStrict() throws Exception {
        try (var server = FakeLlmServer.hardened()) {
            var target = TestEngagement.chat(server.chatUrl(), true, List.of());
            assertThat(passes(new CorsCheck(), server, target).tally().passes()).isEqualTo(2);
            assertThat(passes(new VerboseErrorsCheck(), server, target).tally().passes()).isEqualTo(4);
            var form = TestEngagement.form(server.formUrl(), "$.data.answer", true);
            passes(new VerboseErrorsCheck(), server, form);
        }
    }

    @Test
    void burstStopsAtTheFirst429() throws Exception {
        try (var server = FakeLlmServer.hardenedThrottlingAfter(3)) {
            var outcome = passes(new RateLimitCheck(), server, TestEngagement.chat(server.chatUrl(), true, List.of()));
            assertThat(outcome.tally().passes()).isEqualTo(1);
            assertThat(server.requests()).isEqualTo(4);
        }
    }

    @Test
    void httpsTargetPassesCleartextWithoutSending() throws Exception {
        var target = TestEngagement.chat(URI.create("https://127.0.0.1:1/v1/chat/completions"), true, List.of());
        passes(new CleartextCheck(), null, target);
    }
}
