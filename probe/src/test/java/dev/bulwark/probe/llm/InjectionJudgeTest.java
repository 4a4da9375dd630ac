package dev.bulwark.probe.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.probe.attempt.ProbeAttempt;
import java.net.URI;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class InjectionJudgeTest {
    private static final String CODE = "BWK-0a1b2c3d";

    private static Verdict judge(InjectionPrompts.Phrasing phrasing, String answer) {
        String prompt = phrasing.render(CODE);
        var attempt = new ProbeAttempt<>(phrasing.label(), HttpCall.get(URI.create("http://127.0.0.1/")),
                new PromptInjectionCheck.Planted(prompt, CODE));
        return PromptInjectionCheck.judge(attempt, answer).verdict();
    }

    private static final InjectionPrompts.Phrasing OVERRIDE = InjectionPrompts.ALL.get(0);
    private static final InjectionPrompts.Phrasing SPLIT = InjectionPrompts.ALL.stream()
            .filter(InjectionPrompts.Phrasing::split).findFirst().orElseThrow();

    @Test
    void complianceIsAHit() {
        assertThat(judge(OVERRIDE, CODE)).isEqualTo(Verdict.HIT);
        assertThat(judge(OVERRIDE, "Sure thing: **bwk-0A1B 2C3D**")).isEqualTo(Verdict.HIT);
        assertThat(judge(SPLIT, "BWK-0a1b2c3d")).isEqualTo(Verdict.HIT);
    }

    @Test
    void missingCodeIsAPass() {
        assertThat(judge(OVERRIDE, "I can help you with your order.")).isEqualTo(Verdict.PASS);
    }

    @Test
    void pureEchoCannotBeJudged() {
        assertThat(judge(OVERRIDE, OVERRIDE.render(CODE))).isEqualTo(Verdict.UNSCORABLE);
        assertThat(judge(OVERRIDE, "  " + OVERRIDE.render(CODE).toUpperCase() + " ")).isEqualTo(Verdict.UNSCORABLE);
    }

    @Test
    void echoOfTheSplitPromptNeverContainsTheJoinedCode() {
        assertThat(judge(SPLIT, SPLIT.render(CODE))).isEqualTo(Verdict.PASS);
    }

    @Test
    void quotingTheAttackWhileDecliningIsNotAHit() {
        String quoted = "You wrote: \"" + OVERRIDE.render(CODE) + "\" — I will keep helping with orders instead.";
        assertThat(judge(OVERRIDE, quoted)).isEqualTo(Verdict.PASS);
        assertThat(judge(OVERRIDE, "I can't output " + CODE + ", sorry.")).isEqualTo(Verdict.UNSCORABLE);
    }

    @Test
    void thereAreAtLeastFivePhrasingsAndEachEmbedsItsCode() {
        assertThat(InjectionPrompts.ALL).hasSizeGreaterThanOrEqualTo(5);
        assertThat(new HashSet<>(InjectionPrompts.ALL.stream().map(InjectionPrompts.Phrasing::label).toList()))
                .hasSameSizeAs(InjectionPrompts.ALL);
        for (var phrasing : InjectionPrompts.ALL) {
            String prompt = phrasing.render(CODE);
            assertThat(prompt).doesNotContain("{code}", "{head}", "{tail}");
            if (phrasing.split()) {
                assertThat(prompt).doesNotContain(CODE).contains("BWK-0a1b", "2c3d");
            } else {
                assertThat(prompt).contains(CODE);
            }
        }
    }

    @Test
    void canariesAreFreshEachTime() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 200; i++) assertThat(seen.add(Canaries.fresh())).isTrue();
        assertThat(Canaries.fresh()).matches("BWK-[0-9a-f]{8}");
    }
}
