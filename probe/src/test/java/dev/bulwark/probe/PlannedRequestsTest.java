package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.ToolSpec;
import dev.bulwark.probe.fixture.FakeLlmServer;
import dev.bulwark.probe.fixture.FamiliesFakeServer;
import dev.bulwark.probe.fixture.ObedientBot;
import dev.bulwark.probe.fixture.ScriptedLlm;
import dev.bulwark.probe.fixture.TestEngagement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered check, run against vulnerable local endpoints (where nothing stops a check early), sends no
 * more requests than {@link Check#plannedRequests} promised: the plan printed before a run and the budget
 * check rely on it being an upper bound.
 */
class PlannedRequestsTest {
    static final RulesOfEngagement RULES = TestEngagement.rules(1_000);
    static final List<ToolSpec> TOOLS = List.of(
            new ToolSpec("get_weather", "Read the forecast", "{\"type\":\"object\",\"properties\":"
                    + "{\"city\":{\"type\":\"string\"}}}"),
            new ToolSpec("refund_order", "Refund an order in full", "{\"type\":\"object\",\"properties\":"
                    + "{\"order_id\":{\"type\":\"string\"}},\"required\":[\"order_id\"]}"),
            new ToolSpec("delete_account", "Remove a customer account", null));

    static Stream<Check> checks() {
        return ServiceLoader.load(Check.class).stream().map(ServiceLoader.Provider::get);
    }

    /** Sends nothing before the run; returns the requests the run sent, after checking them against the plan. */
    private static int sentWithinPlan(Check check, PromptTarget target) throws InterruptedException {
        assertThat(check.handles(target)).as("%s handles %s", check.descriptor().id(), target.kind()).isTrue();
        int planned = check.plannedRequests(target, RULES);
        assertThat(planned).as("%s estimates its requests on %s", check.descriptor().id(), target.kind())
                .isNotEqualTo(Check.UNKNOWN_REQUESTS).isNotNegative();
        try (var engagement = TestEngagement.of(RULES, target)) {
            assertThat(engagement.http().requestsSent()).isZero();
            check.run(target, engagement);
            long sent = engagement.http().requestsSent();
            assertThat(sent).as("%s on %s: sent vs planned", check.descriptor().id(), target.kind())
                    .isLessThanOrEqualTo(planned);
            // a zero plan must mean "will not send": a check that sends while planning 0 fails above; one that
            // plans requests but sends none on a vulnerable endpoint would hide a wrong estimate
            if (planned > 0) assertThat(sent).as("%s sends what it planned", check.descriptor().id()).isPositive();
            return (int) sent;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void staysWithinThePlanOnTheFamiliesEndpointWithTools(Check check) throws Exception {
        try (var server = FamiliesFakeServer.vulnerable()) {
            sentWithinPlan(check, new LlmChatTarget("bot", server.chatUrl(), "m", Optional.empty(), List.of(),
                    List.of("customer-data"), TOOLS, OptionalInt.empty(), Optional.empty()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void staysWithinThePlanOnTheVulnerableChatAndForm(Check check) throws Exception {
        try (var server = FakeLlmServer.vulnerable()) {
            sentWithinPlan(check, TestEngagement.chat(server.chatUrl(), true, List.of(FakeLlmServer.CANARY)));
            sentWithinPlan(check, TestEngagement.form(server.formUrl(), "$.data.answer", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void staysWithinThePlanOnAModelThatObeysEverything(Check check) throws Exception {
        Function<List<Message>, String> bot = new ObedientBot();
        try (var llm = ScriptedLlm.answering(bot)) {
            sentWithinPlan(check, TestEngagement.chat(llm.chatUrl(), false, List.of()));
            sentWithinPlan(check, TestEngagement.form(llm.formUrl(), "$.answer", false));
        }
    }

    @Test
    void checksThatNeedAConversationPlanNothingForAFormThatKeepsNoHistory() throws Exception {
        try (var llm = ScriptedLlm.answering(new ObedientBot())) {
            PromptTarget form = TestEngagement.form(llm.formUrl(), "$.answer", false);
            PromptTarget chat = TestEngagement.chat(llm.chatUrl(), false, List.of());
            try (var engagement = TestEngagement.of(RULES, chat)) {
                assertThat(PromptCheck.keepsHistory(chat))
                        .isEqualTo(PromptClient.forTarget(chat, engagement.http()).keepsHistory()).isTrue();
                assertThat(PromptCheck.keepsHistory(form))
                        .isEqualTo(PromptClient.forTarget(form, engagement.http()).keepsHistory()).isFalse();
            }
            Check multiTurn = checks().filter(c -> c.descriptor().id().equals("llm.jailbreak-multi-turn")).findFirst()
                    .orElseThrow();
            assertThat(multiTurn.plannedRequests(form, RULES)).isZero();
            assertThat(sentWithinPlan(multiTurn, chat)).isEqualTo(multiTurn.plannedRequests(chat, RULES)).isPositive();
        }
    }

    @Test
    void excessiveAgencyPlansNothingWithoutToolsAndOnlyTheHighImpactOnesWithThem() throws Exception {
        Check agency = checks().filter(c -> c.descriptor().id().equals("llm.excessive-agency")).findFirst()
                .orElseThrow();
        try (var server = FamiliesFakeServer.vulnerable()) {
            var bare = TestEngagement.chat(server.chatUrl(), false, List.of());
            assertThat(agency.plannedRequests(bare, RULES)).isZero();
            assertThat(sentWithinPlan(agency, bare)).isZero();
            var tooled = new LlmChatTarget("bot", server.chatUrl(), "m", Optional.empty(), List.of(), List.of(), TOOLS,
                    OptionalInt.empty(), Optional.empty());
            var oneRisky = new LlmChatTarget("bot", server.chatUrl(), "m", Optional.empty(), List.of(), List.of(),
                    TOOLS.subList(0, 2), OptionalInt.empty(), Optional.empty());
            // get_weather only reads: refund_order and delete_account are tried, each once per phrasing
            int planned = agency.plannedRequests(tooled, RULES);
            assertThat(agency.plannedRequests(oneRisky, RULES)).isPositive().isEqualTo(planned / 2);
            assertThat(planned % 2).isZero();
            assertThat(sentWithinPlan(agency, tooled)).isEqualTo(planned);
        }
    }
}
