package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class EnginePropertiesTest {
    private final EntityEngine engine = EntityEngine.standard();

    @Property(tries = 400)
    void anyTextScansToSortedDisjointInRangeSpans(@ForAll @StringLength(max = 400) String text) {
        check(text, engine.scan(text));
    }

    /** Random text made of the characters entities are built from, so recognizers actually fire. */
    @Property(tries = 400)
    void entityLikeTextToo(@ForAll("entityish") String text) {
        check(text, engine.scan(text));
    }

    @Provide
    Arbitrary<String> entityish() {
        return Arbitraries.strings().withChars("0123456789 -.:@/+=_AKIaeghpsxoyzbDEGBJMN\n,'\"()").ofMaxLength(300);
    }

    private static void check(String text, List<Entity> found) {
        int reached = 0;
        for (Entity e : found) {
            assertThat(e.start()).isGreaterThanOrEqualTo(reached);
            assertThat(e.end()).isGreaterThan(e.start()).isLessThanOrEqualTo(text.length());
            assertThat(e.score()).isBetween(EntityEngine.DEFAULT_THRESHOLD, 1.0);
            reached = e.end();
        }
    }
}
