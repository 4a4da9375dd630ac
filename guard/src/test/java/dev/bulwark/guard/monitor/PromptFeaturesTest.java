package dev.bulwark.guard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PromptFeaturesTest {
    @Test
    void caseAndWhitespaceDoNotMakeADifferentPrompt() {
        PromptFeatures a = PromptFeatures.of("  What is   the PRICE\tof item 7 ");
        PromptFeatures b = PromptFeatures.of("what is the price of item 7");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void numbersChangeTheExactHashButNotTheTemplate() {
        PromptFeatures a = PromptFeatures.of("What is the price of item 7");
        PromptFeatures b = PromptFeatures.of("What is the price of item 1234");
        assertThat(a.exactHash()).isNotEqualTo(b.exactHash());
        assertThat(a.templateHash()).isEqualTo(b.templateHash());
        assertThat(a.tokens()).isEqualTo(b.tokens());
        assertThat(PromptFeatures.of("What is the price of item seven").templateHash()).isNotEqualTo(a.templateHash());
    }

    @Test
    void hugePromptsAreReadOnlyToTheCapAndKeepHeadAndTailTokens() {
        PromptFeatures f = PromptFeatures.of("word ".repeat(1_000_000));
        assertThat(f.tokenCount()).isEqualTo((PromptFeatures.MAX_CHARS + 4) / 5); // the cap cuts the last word short
        assertThat(f.tokens()).hasSize(PromptFeatures.MAX_TOKENS);
        PromptFeatures g = PromptFeatures.of("a0 b1 c2 d3 " + "mid ".repeat(100) + "y9 z9");
        assertThat(g.tokens()).hasSize(PromptFeatures.MAX_TOKENS);
        assertThat(g.tokens()[PromptFeatures.MAX_TOKENS - 1]).isEqualTo(PromptFeatures.of("z9").tokens()[0]);
        assertThat(g.tokens()[0]).isEqualTo(PromptFeatures.of("a0").tokens()[0]);
    }

    @Test
    void theBandedEditDistanceAgreesWithPlainLevenshtein() {
        Random random = new Random(42);
        for (int round = 0; round < 5_000; round++) {
            int[] a = random.ints(random.nextInt(12), 0, 4).toArray();
            int[] b = random.ints(random.nextInt(12), 0, 4).toArray();
            int k = random.nextInt(4);
            int exact = levenshtein(a, b);
            assertThat(ProbeRing.boundedEditDistance(a, b, k)).isEqualTo(Math.min(exact, k + 1));
        }
    }

    private static int levenshtein(int[] a, int[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1),
                        Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
            }
        }
        return d[a.length][b.length];
    }
}
