package dev.bulwark.data.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.data.keys.KeyPurpose;
import dev.bulwark.data.keys.Keyset;
import dev.bulwark.detect.redact.FormatPreservingEncryption;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** FF1 on column values keeps length and character class at every position, and reverses exactly. */
class FpeShapeProperties {
    private static final FormatPreservingEncryption FPE = fpe();

    private static FormatPreservingEncryption fpe() {
        PseudonymKeys keys = PseudonymKeys.of(Keyset.generate(KeyPurpose.PSEUDONYMIZE));
        return keys.fpe(keys.primaryDeriveKey());
    }

    @Provide
    Arbitrary<String> digitFields() {
        Arbitrary<Character> ch = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.chars().range('0', '9')),
                Tuple.of(2, Arbitraries.of(' ', '-', '.', '(', ')', '/', '+')));
        return ch.list().ofMinSize(6).ofMaxSize(40).map(l -> {
            var b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        }).filter(s -> s.chars().filter(Character::isDigit).count() >= FormatPreservingEncryption.MIN_DIGITS);
    }

    @Property(tries = 300)
    void keepsLengthAndCharacterClassAndRoundTrips(@ForAll("digitFields") String value) {
        String enc = FPE.encryptDigits(value, PseudonymKeys.CONTEXT);
        assertThat(enc).hasSameSizeAs(value);
        for (int i = 0; i < value.length(); i++) {
            char a = value.charAt(i);
            char b = enc.charAt(i);
            if (Character.isDigit(a)) assertThat(b).isBetween('0', '9');
            else assertThat(b).isEqualTo(a);
        }
        assertThat(FPE.decryptDigits(enc, PseudonymKeys.CONTEXT)).isEqualTo(value);
        assertThat(FPE.encryptDigits(value, PseudonymKeys.CONTEXT)).isEqualTo(enc);
    }
}
