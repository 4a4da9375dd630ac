package dev.bulwark.probe.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.scope.Prices;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumptionTest {
    @Test
    void estimateFollowsTheDocumentedFormula() {
        var withTopK = ExtractionEstimate.of(5, true, 0, 0, Optional.of(new Prices(1, 1, "USD")));
        assertThat(withTopK.queries()).isEqualTo(10_000);
        // 10,000 × (150 + 250) tokens at 1 USD per million = 4.00 USD
        assertThat(withTopK.cost()).contains("4.00 USD");
        assertThat(ExtractionEstimate.of(1, false, 0, 0, Optional.empty()).queries()).isEqualTo(66_667);
        assertThat(ExtractionEstimate.of(0, true, 0, 0, Optional.empty()).describe())
                .contains("100,000 queries").contains("add prices");
    }

    @Test
    void fillerHasTheRequestedSizeAndEndsWithTheQuestion() {
        String prompt = Filler.prompt(32 * 1024);
        assertThat(prompt).hasSize(32 * 1024).endsWith(Filler.QUESTION);
    }

    @Test
    void tokenEstimateIsAtLeastTheWordCount() {
        assertThat(OutputAmplificationCheck.estimate("one two three")).isEqualTo(3);
        assertThat(OutputAmplificationCheck.estimate("x".repeat(400))).isEqualTo(100);
    }
}
