package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.Pseudonyms;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudonymRestoreTest {
    private static final Pseudonyms VALUES = new Pseudonyms(Map.of("[EMAIL_1]", "maria@example.com",
            "[PERSON_1]", "Maria Jensen", "[PHONE_1]", "+1 415 555 0134", "[PERSON_2]", "Bobby ![x](y)"));

    private static String restore(String text) {
        return PseudonymRestore.whole(VALUES, text, new DecisionTally("output"));
    }

    @Test
    void putsTheRequestsOwnValuesBackWherePlaceholdersStandAlone() {
        assertThat(restore("[PERSON_1], I will mail [EMAIL_1] (or call \"[PHONE_1]\").")).isEqualTo(
                "Maria Jensen, I will mail maria@example.com (or call \"+1 415 555 0134\").");
    }

    @Test
    void leavesUnknownPlaceholdersAndLookalikes() {
        assertThat(restore("[EMAIL_2] [email_1] [EMAIL_1 ] [EMAIL_0] [_1]"))
                .isEqualTo("[EMAIL_2] [email_1] [EMAIL_1 ] [EMAIL_0] [_1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/?q=[EMAIL_1]", "https://evil.example/[EMAIL_1]",
            "mailto:[EMAIL_1]", "x[EMAIL_1]", "a=1&b=[EMAIL_1]", "https://[EMAIL_1].evil.example",
            "100%[EMAIL_1]"})
    void aPlaceholderGluedToTheTextBeforeItStaysAPlaceholder(String text) {
        String restored = restore(text);
        assertThat(restored).contains("[EMAIL_1]");
        if (!text.startsWith("[")) assertThat(restored).isEqualTo(text);
    }

    @Test
    void aValueHoldingMarkupIsNotPutBack() {
        assertThat(restore("Hello [PERSON_2].")).isEqualTo("Hello [PERSON_2].");
    }

    @Test
    void countsWhatItRestored() {
        var tally = new DecisionTally("output");
        PseudonymRestore.whole(VALUES, "[EMAIL_1] and [PERSON_1], not x[EMAIL_1]", tally);
        assertThat(tally.decisions()).singleElement().satisfies(d -> {
            assertThat(d.detector()).isEqualTo("pii");
            assertThat(d.action()).isEqualTo("restored");
            assertThat(d.count()).isEqualTo(2);
        });
    }

    @Property(tries = 500)
    void streamedEqualsWholeHoweverTheTextIsCut(@ForAll("replies") String reply, @ForAll long seed) {
        var restore = new PseudonymRestore(VALUES);
        var random = new Random(seed);
        var out = new StringBuilder();
        int at = 0;
        while (at < reply.length()) {
            int end = Math.min(reply.length(), at + 1 + random.nextInt(8));
            out.append(restore.accept(reply.substring(at, end)));
            at = end;
        }
        out.append(restore.finish());
        assertThat(out.toString()).isEqualTo(restore(reply));
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> pieces = Arbitraries.of("[EMAIL_1]", "[PERSON_1]", "[PERSON_2]", "[PHONE_1]", "[EMAIL_9]",
                "[", "]", "[EMAIL_", "[PERSON", "_1]", " ", "/", "?q=", "https://x/", "the ", "quote", "\n", "(",
                "\"", "A", "1", "[[EMAIL_1]]", "[" + "A".repeat(45) + "_1]");
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
    }
}
