package dev.bulwark.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class InjectionPropertiesTest {
    private static final InjectionDetector RULES_ONLY = InjectionDetector.rulesOnly();
    private static final InjectionDetector STANDARD = InjectionDetector.standard();

    @Property(tries = 500)
    void rulesOnlyNeverThrowsAndStaysInRange(@ForAll @StringLength(max = 400) String text) {
        InjectionScore s = RULES_ONLY.score(text);
        assertThat(s.score()).isBetween(0.0, 1.0);
        assertThat(s.flagged()).isEqualTo(s.score() >= Combination.FLAG_AT);
    }

    @Property(tries = 100)
    void standardNeverThrowsAndStaysInRange(@ForAll @StringLength(max = 300) String text) {
        InjectionScore s = STANDARD.score(text);
        assertThat(s.score()).isBetween(0.0, 1.0);
        assertThat(s.score()).isGreaterThanOrEqualTo(s.ruleScore() - 1e-9);
    }

    @Property(tries = 300)
    void normaliserNeverThrows(@ForAll @StringLength(max = 300) String text) {
        // NFKC alone may grow a character up to 18-fold (U+FDFA); the bound says the growth stays bounded, not small
        assertThat(TextNormalizer.normalize(text).text().length()).isLessThanOrEqualTo(text.length() * 18 + 1);
    }
}
