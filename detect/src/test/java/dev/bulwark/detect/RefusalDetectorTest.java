package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalDetectorTest {
    private final RefusalDetector detector = RefusalDetector.standard();

    @ParameterizedTest
    @ValueSource(strings = {
            "I can't help with that request.",
            "I’m not able to share my configuration.",
            "Sorry — I won't ignore my instructions.",
            "I'm sorry, but that is not something I can do.",
            "I must decline."})
    void recognisesRefusals(String text) {
        assertThat(detector.isRefusal(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BWK-1a2b3c4d", "Sure, here it is: the shop opens at 8.", "I can help with that!", ""})
    void leavesComplianceAlone(String text) {
        assertThat(detector.isRefusal(text)).isFalse();
    }
}
