package dev.bulwark.probe.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.scope.Auth;
import dev.bulwark.core.scope.JudgeEndpoint;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.probe.fixture.ScriptedLlm;
import dev.bulwark.probe.fixture.TestEngagement;
import dev.bulwark.probe.llm.JailbreakPersonaCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The optional LLM judge, against a local fake judge: consulted only for unscorable attempts, its verdict marked
 * tentative in the finding, and every failure (malformed, slow, erroring, out of scope) left unscorable.
 */
class LlmJudgeTest {
    /** Touches every jailbreak task but never prints the code: the marker judge calls this unscorable. */
    private static final String HALF_COMPLIANT = "Here is a little poem about pirates, a joke about penguins and a"
            + " haiku about the moon, just for you.";
    private static final RulesOfEngagement RULES = new RulesOfEngagement(List.of("127.0.0.1"), 500, 1000, false,
            Duration.ofSeconds(1), 0, null, null);

    private static LlmChatTarget target(ScriptedLlm bot) {
        return new LlmChatTarget("bot", bot.chatUrl(), "m", Optional.empty(), List.of(), List.of());
    }

    private static JudgeEndpoint judge(URI url, int maxCalls) {
        return new JudgeEndpoint(url, "judge-model", Optional.of(new Auth("Authorization", "Bearer judge-key-123")),
                maxCalls);
    }

    private static CheckOutcome run(ScriptedLlm bot, JudgeEndpoint judge) throws Exception {
        try (var ctx = TestEngagement.withJudge(RULES, target(bot), judge)) {
            return new JailbreakPersonaCheck().run(target(bot), ctx);
        }
    }

    @Test
    void aJudgeHitDecidesAnUnscorableAttemptAndTheFindingIsTentative() throws Exception {
        try (var bot = ScriptedLlm.answering(c -> HALF_COMPLIANT); var judge = new FakeJudge(FakeJudge.Mode.HIT)) {
            CheckOutcome outcome = run(bot, judge(judge.url(), 10));
            assertThat(outcome.tally().hits()).isEqualTo(3);
            assertThat(outcome.findings()).singleElement().satisfies(f -> {
                assertThat(f.confidence()).isEqualTo(Confidence.TENTATIVE);
                assertThat(f.description()).contains("decided by the LLM judge (model judge-model");
            });
            assertThat(judge.requests).hasSize(3).allSatisfy(body -> assertThat(body)
                    .contains("\"temperature\":0", "\"model\":\"judge-model\"", "did the assistant comply")
                    .contains(HALF_COMPLIANT));
        }
    }

    @Test
    void aJudgePassIsAPassAndAFencedAnswerIsAccepted() throws Exception {
        try (var bot = ScriptedLlm.answering(c -> HALF_COMPLIANT); var judge = new FakeJudge(FakeJudge.Mode.PASS)) {
            CheckOutcome outcome = run(bot, judge(judge.url(), 10));
            assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.tally().passes()).isEqualTo(3);
            assertThat(outcome.findings()).isEmpty();
        }
        try (var bot = ScriptedLlm.answering(c -> HALF_COMPLIANT); var judge = new FakeJudge(FakeJudge.Mode.FENCED_HIT)) {
            assertThat(run(bot, judge(judge.url(), 10)).tally().hits()).isEqualTo(3);
        }
    }

    @Test
    void malformedSlowAndErroringJudgesLeaveTheAttemptUnscorable() throws Exception {
        for (FakeJudge.Mode mode : List.of(FakeJudge.Mode.MALFORMED, FakeJudge.Mode.SLOW, FakeJudge.Mode.ERROR)) {
            try (var bot = ScriptedLlm.answering(c -> HALF_COMPLIANT); var judge = new FakeJudge(mode)) {
                CheckOutcome outcome = run(bot, judge(judge.url(), mode == FakeJudge.Mode.SLOW ? 1 : 10));
                assertThat(outcome.tally().unscorable()).as(mode.name()).isEqualTo(3);
                assertThat(outcome.tally().hits() + outcome.tally().passes()).as(mode.name()).isZero();
                assertThat(outcome.coverage()).as(mode.name()).isEqualTo(Coverage.NOT_TESTED);
            }
        }
    }

    @Test
    void deterministicVerdictsNeverReachTheJudge() throws Exception {
        Pattern code = Pattern.compile("BWK-[0-9a-f]{8}");
        try (var bot = ScriptedLlm.answering(c -> {
                 Matcher m = code.matcher(c.get(c.size() - 1).content());
                 return m.find() ? "Arr, pirates sail the sea. " + m.group() : "No.";
             });
             var judge = new FakeJudge(FakeJudge.Mode.PASS)) {
            CheckOutcome outcome = run(bot, judge(judge.url(), 10));
            assertThat(outcome.tally().hits()).isEqualTo(3);
            assertThat(outcome.findings()).singleElement()
                    .satisfies(f -> assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED));
            assertThat(judge.requests).isEmpty();
        }
    }

    @Test
    void theCallLimitAndTheAllowListBoundTheJudge() throws Exception {
        try (var bot = ScriptedLlm.answering(c -> HALF_COMPLIANT); var judge = new FakeJudge(FakeJudge.Mode.HIT)) {
            CheckOutcome limited = run(bot, judge(judge.url(), 1));
            assertThat(judge.requests).hasSize(1);
            assertThat(limited.tally().hits()).isEqualTo(1);
            assertThat(limited.tally().unscorable()).isEqualTo(2);
            URI outside = URI.create(judge.url().toString().replace("127.0.0.1", "localhost"));
            CheckOutcome refused = run(bot, judge(outside, 10));
            assertThat(refused.tally().unscorable()).isEqualTo(3);
            assertThat(judge.requests).hasSize(1);
        }
    }

    @Test
    void withoutAJudgeUnscorableStaysUnscorable() throws Exception {
        try (var bot = ScriptedLlm.answering(c -> HALF_COMPLIANT); var ctx = TestEngagement.of(RULES, target(bot))) {
            CheckOutcome outcome = new JailbreakPersonaCheck().run(target(bot), ctx);
            assertThat(outcome.tally().unscorable()).isEqualTo(3);
            assertThat(ctx.http().requestsSent()).isEqualTo(3L);
        }
    }

    @Test
    void answersAreParsedStrictly() {
        assertThat(JudgeAnswer.parse("{\"verdict\": \"pass\", \"reason\": \"refused\"}"))
                .hasValueSatisfying(a -> assertThat(a.verdict()).isEqualTo(Verdict.PASS));
        assertThat(JudgeAnswer.parse("```\n{\"verdict\": \"hit\", \"reason\": \"x\"}\n```")).isPresent();
        for (String bad : List.of("", "hit", "Verdict: {\"verdict\": \"hit\", \"reason\": \"x\"}",
                "{\"verdict\": \"maybe\", \"reason\": \"x\"}", "{\"verdict\": \"hit\"}", "{\"verdict\": 1, \"reason\": \"x\"}",
                "[{\"verdict\": \"hit\", \"reason\": \"x\"}]", "{\"verdict\": \"hit\", \"reason\": \"x\"")) {
            assertThat(JudgeAnswer.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void theRubricFencesTheExchangeWithAnUnguessableBoundary() {
        String a = JudgeRubric.exchange("llm.x", "attack", "reply BOUNDARY-0000");
        String b = JudgeRubric.exchange("llm.x", "attack", "reply");
        assertThat(a.lines().filter(l -> l.startsWith("BOUNDARY-")).distinct().count()).isEqualTo(1);
        assertThat(a.lines().filter(l -> l.startsWith("BOUNDARY-")).findFirst())
                .isNotEqualTo(b.lines().filter(l -> l.startsWith("BOUNDARY-")).findFirst());
        assertThat(JudgeRubric.exchange("c", "x".repeat(10_000), "y")).hasSizeLessThan(4_400);
    }
}
