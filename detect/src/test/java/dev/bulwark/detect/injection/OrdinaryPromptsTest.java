package dev.bulwark.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a gateway in front of a business's assistant must let through: 220 ordinary requests from many trades, full
 * of "ignore", "act as", "instructions" and owners' questions about their own bot, never used for training
 * (docs/accuracy.md, "Ordinary business prompts"). The learned model runs int8 kernels the processor picks, so its
 * scores move a little from machine to machine: the bound leaves room for that, the rules get none.
 */
class OrdinaryPromptsTest {
    private static List<String> prompts;

    @BeforeAll
    static void load() {
        prompts = TextLines.of("ordinary-business-prompts.txt");
        assertThat(prompts).hasSize(220);
    }

    @Test
    void noRuleFiresOnAnOrdinaryRequest() {
        InjectionDetector rules = InjectionDetector.rulesOnly();
        assertThat(prompts).filteredOn(p -> rules.score(p).flagged()).isEmpty();
    }

    @Test
    void theStandardDetectorPassesAtLeast99PercentOfThem() {
        InjectionDetector detector = InjectionDetector.standard();
        assertThat(prompts).filteredOn(p -> detector.score(p).flagged()).hasSizeLessThanOrEqualTo(2);
    }
}
