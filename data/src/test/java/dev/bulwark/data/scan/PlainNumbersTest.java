package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.EntityEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The skip in {@link CellScanner} is only sound while the engine reports nothing for these values. */
class PlainNumbersTest {
    @Test
    void shapes() {
        assertThat(PlainNumbers.entityFree("42")).isTrue();
        assertThat(PlainNumbers.entityFree("-17")).isTrue();
        assertThat(PlainNumbers.entityFree("1234.56")).isTrue();
        assertThat(PlainNumbers.entityFree("999999")).isTrue();
        assertThat(PlainNumbers.entityFree("1234567")).isFalse();
        assertThat(PlainNumbers.entityFree("12345.678")).isFalse();
        assertThat(PlainNumbers.entityFree("1.2.3")).isFalse();
        assertThat(PlainNumbers.entityFree("12.")).isFalse();
        assertThat(PlainNumbers.entityFree(".5")).isFalse();
        assertThat(PlainNumbers.entityFree("-")).isFalse();
        assertThat(PlainNumbers.entityFree("1e5")).isFalse();
    }

    @Property(tries = 3000)
    void theEngineFindsNothingInValuesThatAreSkipped(@ForAll("plain") String value) {
        assertThat(PlainNumbers.entityFree(value)).isTrue();
        assertThat(EntityEngine.standard().scan(value)).as(value).isEmpty();
    }

    @Test
    void everyWholeNumberUpToSixDigitsIsClean() {
        var engine = EntityEngine.standard();
        for (int i = 0; i < 1_000_000; i += 7) {
            assertThat(engine.scan(Integer.toString(i))).as("%d", i).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> plain() {
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> decimal = Arbitraries.integers().between(1, 5).flatMap(left -> Arbitraries.strings()
                .numeric().ofLength(6).map(d -> d.substring(0, left) + "." + d.substring(left)));
        return Arbitraries.oneOf(whole, decimal, whole.map(w -> "-" + w));
    }
}
