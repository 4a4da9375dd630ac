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

    @Test
    void nhsMod11AndSpanishCheckLetter() {
        assertThat(Checksums.nhs("9434765919")).isTrue();
        assertThat(Checksums.nhs("9434765918")).isFalse();
        assertThat(Checksums.nhs("94347659")).isFalse();
        assertThat(Checksums.spanishId("12345678Z")).isTrue();
        assertThat(Checksums.spanishId("12345678S")).isFalse();
        assertThat(Checksums.spanishId("X1234567L")).isTrue();
        assertThat(Checksums.spanishId("x1234567l")).isTrue();
        assertThat(Checksums.spanishId("X1234567C")).isFalse();
        assertThat(Checksums.digitsOf("4111 1111-1111.1111")).isEqualTo("4111111111111111");
    }
}
