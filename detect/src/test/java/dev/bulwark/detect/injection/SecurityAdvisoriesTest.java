package dev.bulwark.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A developer pasting a CVE advisory into the assistant is an ordinary user, though the text is full of the words of
 * attacks. 377 held-out PyPA advisories (never trained on; NOTICE.md): the detector of 2026-11-27, which had seen none,
 * flagged 11 of them by the model alone and its triage sent 185 on to the encoders (docs/accuracy.md, "Security
 * advisories"). The model's int8 kernels move scores a little between processors, hence bounds rather than zero.
 */
class SecurityAdvisoriesTest {
    private static List<String> advisories;

    @BeforeAll
    static void load() {
        advisories = TextLines.of("security-advisories.txt");
        assertThat(advisories).hasSize(377);
    }

    @Test
    void noRuleFiresOnAnAdvisory() {
        InjectionDetector rules = InjectionDetector.rulesOnly();
        assertThat(advisories).filteredOn(a -> rules.score(a).flagged()).isEmpty();
    }

    @Test
    void theStandardDetectorPassesThemAll() {
        InjectionDetector detector = InjectionDetector.standard();
        assertThat(advisories).filteredOn(a -> detector.score(a).flagged()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theTriageLetsNearlyAllOfThemSkipTheEncoders() {
        Triage triage = Triage.standard();
        long sentOn = advisories.stream()
                .filter(a -> triage.modelNeeded(InjectionClassifier.input(TextNormalizer.normalize(a)))).count();
        assertThat(sentOn).isLessThanOrEqualTo(advisories.size() / 20);
    }
}
