package dev.bulwark.probe.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.SessionRecipe;
import dev.bulwark.probe.PromptClient;
import dev.bulwark.probe.PromptReply;
import dev.bulwark.probe.fixture.TestEngagement;
import dev.bulwark.probe.llm.PromptInjectionCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Streamed replies (SSE) and stateful http targets (session recipe), end to end through real checks. */
class StreamingAndSessionTest {

    private static LlmChatTarget streamingChat(StatefulServer server) {
        return new LlmChatTarget("bot", server.uri("/v1/chat/completions"), "m", Optional.empty(), List.of(),
                List.of(), List.of(), OptionalInt.empty(), Optional.empty(), true);
    }

    private static HttpTarget sessionForm(StatefulServer server, String password) {
        SessionRecipe recipe = new SessionRecipe("POST", server.uri("/login"),
                "{\"user\": \"demo\", \"password\": \"" + password + "\"}", Map.of(),
                List.of(new SessionRecipe.Extract("token", SessionRecipe.Source.JSON_PATH, "$.data.token"),
                        new SessionRecipe.Extract("csrf", SessionRecipe.Source.HEADER, "X-CSRF-Token")), true);
        return new HttpTarget("shop", server.uri("/api/chat"), "POST",
                "{\"q\": \"{{prompt}}\", \"session\": \"{{token}}\"}", "$.delta",
                Map.of("Authorization", "Bearer {{token}}", "X-CSRF", "{{csrf}}"), Optional.empty(), List.of(),
                List.of(), true, Optional.of(recipe));
    }

    @Test
    void theInjectionCheckWorksUnchangedOverAStreamedChatTarget() throws Exception {
        try (var server = new StatefulServer(); var ctx = TestEngagement.of(streamingChat(server))) {
            CheckOutcome outcome = new PromptInjectionCheck().run(streamingChat(server), ctx);
            assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.findings()).extracting(Finding::check).containsExactly("llm.prompt-injection");
            assertThat(outcome.tally().hits()).isGreaterThan(0);
            assertThat(outcome.findings().get(0).evidence().reproduction()).startsWith("user: ").contains("reply: Sure! BWK-");
        }
    }

    @Test
    void aStreamedChatAnswerIsJoinedFromItsChunks() throws Exception {
        try (var server = new StatefulServer(); var ctx = TestEngagement.of(streamingChat(server))) {
            PromptReply reply = PromptClient.forTarget(streamingChat(server), ctx.http()).ask("hello");
            assertThat(reply).isInstanceOfSatisfying(PromptReply.Answer.class,
                    a -> assertThat(a.text()).isEqualTo("Happy to help with your order."));
        }
    }

    @Test
    void aSessionLogsInOnceAndFillsTokenCookieAndHeaderIntoEveryRequest() throws Exception {
        try (var server = new StatefulServer(); var ctx = TestEngagement.of(sessionForm(server, StatefulServer.PASSWORD))) {
            HttpTarget target = sessionForm(server, StatefulServer.PASSWORD);
            CheckOutcome outcome = new PromptInjectionCheck().run(target, ctx);
            assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.findings()).hasSize(1);
            assertThat(server.logins.get()).isEqualTo(1);
            assertThat(server.chats.get()).isEqualTo(outcome.tally().attempts());
            assertThat(ctx.http().requestsSent()).isEqualTo(outcome.tally().attempts() + 1L);
        }
    }

    @Test
    void anExpiredSessionLogsInAgainAndAFailedLoginIsNamedAsTheCause() throws Exception {
        try (var server = new StatefulServer(); var ctx = TestEngagement.of(sessionForm(server, StatefulServer.PASSWORD))) {
            PromptClient client = PromptClient.forTarget(sessionForm(server, StatefulServer.PASSWORD), ctx.http());
            assertThat(client.ask("hi")).isInstanceOf(PromptReply.Answer.class);
            server.expireNext = true;
            assertThat(client.ask("hi")).isInstanceOf(PromptReply.Failure.class);
            assertThat(client.ask("hi")).isInstanceOf(PromptReply.Answer.class);
            assertThat(server.logins.get()).isEqualTo(2);
        }
        try (var server = new StatefulServer(); var ctx = TestEngagement.of(sessionForm(server, "wrong"))) {
            PromptClient client = PromptClient.forTarget(sessionForm(server, "wrong"), ctx.http());
            PromptReply reply = client.ask("hi");
            assertThat(reply).isInstanceOfSatisfying(PromptReply.Failure.class, f -> assertThat(f.problem())
                    .contains("session login failed: HTTP 401").contains("the target answered HTTP 401"));
        }
    }

    @Test
    void aLoginOutsideTheAllowListIsNeverSent() throws Exception {
        try (var server = new StatefulServer()) {
            SessionRecipe outside = new SessionRecipe("POST", java.net.URI.create("http://203.0.113.9/login"), "x",
                    Map.of(), List.of(), true);
            HttpTarget target = new HttpTarget("shop", server.uri("/api/chat"), "POST", "{\"q\": \"{{prompt}}\"}",
                    "$.delta", Map.of(), Optional.empty(), List.of(), List.of(), true, Optional.of(outside));
            try (var ctx = TestEngagement.of(target)) {
                PromptReply reply = PromptClient.forTarget(target, ctx.http()).ask("hi");
                assertThat(reply).isInstanceOfSatisfying(PromptReply.Failure.class,
                        f -> assertThat(f.problem()).contains("not in allowedHosts"));
                assertThat(server.logins.get()).isZero();
            }
        }
    }
}
