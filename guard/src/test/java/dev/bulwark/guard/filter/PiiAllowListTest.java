package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The business's own published names and addresses pass through the output filter — whole and streamed, split at
 * every position — while everyone else's personal data is still redacted.
 */
class PiiAllowListTest {
    private static final List<String> ALLOWED = List.of("Nora", "lindqvist", "info@lindqvist.example");
    private static final OutputFilter OUTPUT = Filters.output(Replies.defaults(), ALLOWED);
    private static final OutputFilter WITHOUT = Filters.output(Replies.defaults());
    private static final String REPLY = "Hello! I'm Nora from Lindqvist & Partner. Write to info@lindqvist.example; "
            + "your adviser Ingrid Fjellstad (ingrid.fjellstad@example.com) will answer.";
    private static final String EXPECTED = "Hello! I'm Nora from Lindqvist & Partner. Write to info@lindqvist.example; "
            + "your adviser <PERSON> (<EMAIL>) will answer.";

    @Test
    void allowedValuesStayAndOtherPersonalDataIsRedacted() {
        var verdict = OUTPUT.inspect(Route.CHAT, Replies.whole(REPLY), Set.of());
        assertThat(verdict.response().at("/choices/0/message/content").asText()).isEqualTo(EXPECTED);
        assertThat(Replies.filterWhole(WITHOUT, REPLY)).as("without the list the same reply loses them")
                .doesNotContain("Nora").doesNotContain("info@lindqvist.example");
    }

    @Test
    void streamedRepliesSplitAnywhereGiveTheSameResult() {
        for (int at = 1; at < REPLY.length(); at++) {
            var streamed = Replies.stream(OUTPUT, Replies.split(REPLY, at));
            assertThat(streamed.content()).as("split at %d", at).isEqualTo(EXPECTED);
        }
    }
}
