package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Time to first token: with every output rule on (entities, markup, a canary), a benign reply streamed word by word
 * comes out word by word — each word no later than the chunk after the one that completes it — and the role chunk
 * goes out at once. A run of value-like tokens (numbers, capitalised words, markup such as {@code *Reset
 * password*}) waits until the run ends, and a name the name list knows waits for the words after it that decide
 * whether it is one; see {@link StreamedEntityLeakTest} for what they never do.
 */
class EagerReleaseTest {
    private static final OutputFilter OUTPUT = Filters.output(Replies.policy(List.of("ZQ-CANARY-7Q4P-93KD")));

    static Stream<String> replies() {
        return Stream.of(
                "Sure thing! The order ships today, and the refund should reach your account within a few business "
                        + "days. Let me know if there is anything else I can do for you.",
                "Great question! The difference is that a lease is fixed while a rental is flexible; both include "
                        + "maintenance, but only the lease includes insurance.",
                "To reset your password, open the settings page, then click the reset link and follow the steps.",
                "Yes, you can return unused items for a full refund — just keep the receipt and the original box.");
    }

    @ParameterizedTest
    @MethodSource("replies")
    void eachWordGoesOutWithTheChunkAfterTheOneThatCompletesIt(String reply) {
        StreamFilter filter = OUTPUT.stream(Route.CHAT, Set.of());
        List<String> role = filter.onData(Replies.chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        assertThat(role).as("the role chunk goes out at once").hasSize(1);
        var chunks = new ArrayList<String>();
        for (String w : reply.split("(?= )")) chunks.add(w);
        var sent = new StringBuilder();
        int received = 0;
        for (int i = 0; i < chunks.size(); i++) {
            sent.append(Replies.contentOf(filter.onData(Replies.chunk(Replies.delta(chunks.get(i)), null))));
            received += chunks.get(i).length();
            // chunk i completes the word of chunk i - 1; that word is out by the end of chunk i + 1, i.e. after chunk
            // i everything up to the end of chunk i - 2 is out
            int due = i >= 2 ? received - chunks.get(i).length() - chunks.get(i - 1).length() : 0;
            assertThat(sent.length()).as("after chunk %d '%s': sent '%s'", i, chunks.get(i), sent).isGreaterThanOrEqualTo(due);
            assertThat(reply).startsWith(sent.toString());
        }
        sent.append(Replies.contentOf(filter.onData(Replies.chunk("{}", "\"stop\""))));
        assertThat(sent.toString()).isEqualTo(reply);
    }

    @Test
    void theFirstWordsOfAShortReplyGoOutBeforeItEnds() {
        StreamFilter filter = OUTPUT.stream(Route.CHAT, Set.of());
        filter.onData(Replies.chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        assertThat(Replies.contentOf(filter.onData(Replies.chunk(Replies.delta("Hello there, "), null))))
                .isEqualTo("Hello there, ");
        assertThat(Replies.contentOf(filter.onData(Replies.chunk(Replies.delta("your number is +1 415 "), null))))
                .isEqualTo("your number is ");
        assertThat(Replies.contentOf(filter.onData(Replies.chunk(Replies.delta("555 0132, or mail us."), null))))
                .isEqualTo("<PHONE>, or mail ");
    }

    @Test
    void theCanaryHoldKeepsOnlyATailThatCouldStartACanary() {
        var hold = new CanaryHold(List.of(Skeleton.of("ZQ-CANARY-7Q4P-93KD")));
        assertThat(hold.accept("the code is ")).isEqualTo("the code is ");
        assertThat(hold.accept("ZQ-CAN")).isEmpty();
        assertThat(hold.accept("DID not match")).isEqualTo("ZQ-CANDID not match");
        assertThat(hold.accept(" zq&lt;ca")).as("an escape the markup rule wrote is skipped").isEqualTo(" ");
        assertThat(hold.finish()).isEqualTo("zq&lt;ca");
    }
}
