package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CanaryDetectorTest {
    private final CanaryDetector detector = CanaryDetector.of("BWK-1a2b3c4d", "PURPLE ELEPHANT 42");

    @Test
    void findsCanaryVerbatim() {
        assertThat(detector.find("Sure! BWK-1a2b3c4d")).containsExactly("BWK-1a2b3c4d");
    }

    @Test
    void toleratesCaseWhitespaceSeparatorsAndZeroWidthCharacters() {
        assertThat(detector.find("the code is bwk 1A2B 3C4D.")).containsExactly("BWK-1a2b3c4d");
        assertThat(detector.find("B\u200bW\u200dK-1a2b\u20603c4d")).containsExactly("BWK-1a2b3c4d");
        assertThat(detector.find("**purple_elephant-42**")).containsExactly("PURPLE ELEPHANT 42");
        assertThat(detector.find("ＢＷＫ－１ａ２ｂ３ｃ４ｄ")).as("full-width forms fold to ASCII")
                .containsExactly("BWK-1a2b3c4d");
    }

    @Test
    void reportsNothingWhenCanaryIsAbsentOrIncomplete() {
        assertThat(detector.find("BWK-1a2b and then 3c4e")).isEmpty();
        assertThat(detector.find("purple elephant 43")).isEmpty();
        assertThat(detector.find(null)).isEmpty();
        assertThat(detector.anyIn("")).isFalse();
    }

    @Test
    void rejectsCanariesWithNothingToLookFor() {
        assertThatThrownBy(() -> CanaryDetector.of("--- ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryDetector.of("x".repeat(300))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void obfuscatedCanaryIsStillFound(@ForAll("canaries") String canary, @ForAll("noise") String noise,
                                      @ForAll("separators") List<String> separators) {
        var obfuscated = new StringBuilder();
        for (int i = 0; i < canary.length(); i++) {
            char c = canary.charAt(i);
            obfuscated.append(i % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            obfuscated.append(separators.get(i % separators.size()));
        }
        String text = noise + " " + obfuscated + " " + noise;
        assertThat(CanaryDetector.of(canary).anyIn(text)).isTrue();
    }

    @Property(tries = 300)
    void canaryIsNotFoundInTextThatLacksOneOfItsCharacters(@ForAll("canaries") String canary,
                                                           @ForAll @StringLength(max = 200) String text) {
        char missing = Character.toLowerCase(canary.charAt(0));
        String without = text.chars()
                .filter(c -> Character.toLowerCase(c) != missing && Character.toUpperCase(c) != Character.toUpperCase(missing))
                .filter(c -> c < 0x80) // keep the text ASCII so NFKC cannot create the missing letter
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(CanaryDetector.of(canary).anyIn(without)).isFalse();
    }

    @Provide
    Arbitrary<String> canaries() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(6).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("xyz .,!?\n").ofMaxLength(40);
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of("", " ", "-", "_", ".", "\u200b", "\u200c", "\ufeff", "`", "\n")
                .list().ofMinSize(1).ofMaxSize(5);
    }
}
