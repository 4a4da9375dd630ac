package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {
    @Test
    void luhnAcceptsKnownTestCardsAndRejectsTypos() {
        assertThat(Checksums.luhn("4111111111111111")).isTrue();
        assertThat(Checksums.luhn("378282246310005")).isTrue();
        assertThat(Checksums.luhn("4111111111111121")).isFalse();
        assertThat(Checksums.luhn("")).isFalse();
    }

    @Test
    void ibanMod97MatchesPublishedExamples() {
        assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
        assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.iban("GB82WEST12345698765433")).isFalse();
        assertThat(Checksums.ibanCheckDigits("DE", "370400440532013000")).isEqualTo("89");
    }

    @Test
    void entropyIsHighForRandomAndZeroForRepeats() {
        assertThat(Checksums.entropy("aaaaaaaa")).isZero();
        assertThat(Checksums.entropy("Zx81kLq0Pw7Mn4Bv")).isGreaterThan(3.5);
    }
}
