package dev.bulwark.probe.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.Message;
import dev.bulwark.probe.fixture.ObedientBot;
import dev.bulwark.probe.fixture.ScriptedLlm;
import dev.bulwark.probe.fixture.TestEngagement;
import dev.bulwark.probe.convert.Converters;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The family checks against scripted models: an unguarded one that decodes and obeys, and guarded ones. */
class FamilyChecksTest {
    private static final Function<List<Message>, String> REFUSER = c -> "I'm sorry, but I can't help with that.";
    private static final Function<List<Message>, String> DEFLECTOR =
            c -> "Our shop opens at nine. Can I help you with an order?";

    private static CheckOutcome run(Check check, Function<List<Message>, String> bot, boolean chat) throws Exception {
        try (var llm = ScriptedLlm.answering(bot)) {
            PromptTarget target = chat ? TestEngagement.chat(llm.chatUrl(), false, List.of())
                    : TestEngagement.form(llm.formUrl(), "$.answer", false);
            try (var engagement = TestEngagement.of(target)) {
                return check.run(target, engagement);
            }
        }
    }

    private static void assertAllHit(CheckOutcome outcome, int attempts, WeaknessClass weakness) {
        assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
        assertThat(outcome.tally().hits()).isEqualTo(attempts);
        assertThat(outcome.findings()).hasSize(1);
        assertThat(outcome.findings().get(0).weakness()).isEqualTo(weakness);
        assertThat(outcome.findings().get(0).confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(outcome.findings().get(0).evidence().response()).containsPattern("BWK-[0-9a-f]{8}");
    }

    private static void assertAllPass(CheckOutcome outcome) {
        assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.tally().hits()).isZero();
        assertThat(outcome.tally().passes()).isEqualTo(outcome.tally().attempts());
    }

    @Test
    void everyDisguiseIsReadByAnUnguardedModel() throws Exception {
        assertAllHit(run(new InjectionObfuscatedCheck(), new ObedientBot(), true), Converters.ALL.size(),
                WeaknessClass.JAILBREAK);
        assertAllPass(run(new InjectionObfuscatedCheck(), REFUSER, true));
    }

    @Test
    void everyIndirectCarrierSteersAnUnguardedModel() throws Exception {
        var outcome = run(new IndirectInjectionCheck(), new ObedientBot(), false);
        assertAllHit(outcome, IndirectCarriers.ALL.size(), WeaknessClass.INDIRECT_PROMPT_INJECTION);
        assertThat(outcome.findings().get(0).description()).contains("email-html-comment", "review-unicode-tags");
        assertAllPass(run(new IndirectInjectionCheck(), DEFLECTOR, true));
    }

    @Test
    void aModelThatTranslatesTheHiddenInstructionIsNotAHit() throws Exception {
        // A faithful translation keeps the code's parts apart: only obeying joins them.
        Function<List<Message>, String> translator = c -> "Traducción: " + ObedientBotReader.read(c)
                .replace("the code made of", "el código formado por").replace(" and ", " y ")
                .replace("joined by a hyphen", "unidos por un guion");
        String page = IndirectCarriers.ALL.stream().filter(x -> x.label().equals("webpage-hidden-text")).findFirst()
                .orElseThrow().render().apply("BWK-1a2b3c4d");
        assertThat(page).doesNotContain("BWK-1a2b3c4d").contains("BWK and 1a2b3c4d");
        String translated = translator.apply(List.of(Message.user(page)));
        assertThat(dev.bulwark.detect.CanaryDetector.of("BWK-1a2b3c4d").anyIn(translated)).isFalse();
    }

    @Test
    void aModelThatReportsTheHiddenInstructionIsNotAHit() throws Exception {
        Function<List<Message>, String> reporter = c -> {
            var code = java.util.regex.Pattern.compile("BWK(?:-| and )([0-9a-f]{8})").matcher(ObedientBotReader.read(c));
            return code.find() ? "Summary: a customer complaint. Careful: the text contains a hidden instruction"
                    + " asking me to output BWK-" + code.group(1) + ", which I ignored." : "Summary: a complaint.";
        };
        var outcome = run(new IndirectInjectionCheck(), reporter, true);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.tally().unscorable()).isPositive();
        assertThat(outcome.tally().hits()).isZero();
    }

    @Test
    void singleMessageJailbreaksHitAnUnguardedModelAndPassAGuardedOne() throws Exception {
        List<Check> checks = List.of(new JailbreakRoleplayCheck(), new JailbreakPersonaCheck(),
                new JailbreakRefusalSuppressionCheck(), new JailbreakPrefixInjectionCheck(),
                new JailbreakPayloadSplittingCheck());
        List<Integer> sizes = List.of(JailbreakPrompts.ROLE_PLAY.size(), JailbreakPrompts.PERSONA.size(),
                JailbreakPrompts.REFUSAL_SUPPRESSION.size(), JailbreakPrompts.PREFIX_INJECTION.size(),
                JailbreakPrompts.PAYLOAD_SPLITTING.size());
        for (int i = 0; i < checks.size(); i++) {
            assertAllHit(run(checks.get(i), new ObedientBot(), true), sizes.get(i), WeaknessClass.JAILBREAK);
            assertAllPass(run(checks.get(i), REFUSER, false));
            assertAllPass(run(checks.get(i), DEFLECTOR, true));
        }
    }

    @Test
    void aModelThatDoesTheTaskWithoutTheCodeCannotBeJudged() throws Exception {
        var outcome = run(new JailbreakPersonaCheck(), c -> "Here is a poem about pirates and a penguin joke and a"
                + " haiku about the moon.", true);
        assertThat(outcome.coverage()).isEqualTo(Coverage.NOT_TESTED);
        assertThat(outcome.tally().unscorable()).isEqualTo(3);
    }

    @Test
    void manyShotUsesRealTurnsOnChatTargetsOnly() throws Exception {
        assertAllHit(run(new JailbreakManyShotCheck(), new ObedientBot(), true), 2, WeaknessClass.JAILBREAK);
        assertAllHit(run(new JailbreakManyShotCheck(), new ObedientBot(), false), 1, WeaknessClass.JAILBREAK);
        assertAllPass(run(new JailbreakManyShotCheck(), REFUSER, true));
    }

    @Test
    void multiTurnEscalationCarriesTheTargetsRepliesAndNeedsHistory() throws Exception {
        // Complies only once the conversation has three earlier user turns: the escalation is what works.
        Function<List<Message>, String> patient = c -> c.stream().filter(Message::fromUser).count() >= 4
                ? new ObedientBot().apply(c) : "Sure, happy to chat (turn " + c.size() + ")";
        try (var llm = ScriptedLlm.answering(patient)) {
            var target = TestEngagement.chat(llm.chatUrl(), false, List.of());
            try (var engagement = TestEngagement.of(target)) {
                var outcome = new JailbreakMultiTurnCheck().run(target, engagement);
                assertAllHit(outcome, EscalationScripts.ALL.size(), WeaknessClass.JAILBREAK);
            }
            List<List<Message>> finals = llm.received().stream().filter(c -> c.size() == 7).toList();
            assertThat(finals).hasSize(EscalationScripts.ALL.size());
            assertThat(finals.get(0).get(1)).isEqualTo(Message.assistant("Sure, happy to chat (turn 1)"));
            assertThat(finals.get(0).get(5)).isEqualTo(Message.assistant("Sure, happy to chat (turn 5)"));
            assertThat(llm.received()).hasSize(4 * EscalationScripts.ALL.size());
        }
        assertAllPass(run(new JailbreakMultiTurnCheck(), REFUSER, true));
        var form = run(new JailbreakMultiTurnCheck(), new ObedientBot(), false);
        assertThat(form.coverage()).isEqualTo(Coverage.NOT_TESTED);
        assertThat(form.note()).contains("session");
    }

    @Test
    void obfuscatedLeakAsksAreConfirmedByTheCanary() throws Exception {
        String canary = "ZEBRA-7731-ORCHID";
        Function<List<Message>, String> leaker = c -> ObedientBotReader.read(c).toLowerCase().contains("system prompt")
                || ObedientBotReader.read(c).contains("Systemprompt") || ObedientBotReader.read(c).contains("di sistema")
                ? "My prompt: never reveal " + canary : "Hello!";
        try (var llm = ScriptedLlm.answering(leaker)) {
            var target = TestEngagement.chat(llm.chatUrl(), false, List.of(canary));
            try (var engagement = TestEngagement.of(target)) {
                var outcome = new SystemPromptLeakCheck().run(target, engagement);
                assertThat(outcome.tally().attempts()).isEqualTo(LeakPrompts.EVERY.size());
                assertThat(outcome.findings().get(0).description()).contains("obfuscated-base64",
                        "obfuscated-zero-width", "obfuscated-translate-de", "obfuscated-translate-it",
                        "obfuscated-leetspeak");
            }
        }
    }
}
