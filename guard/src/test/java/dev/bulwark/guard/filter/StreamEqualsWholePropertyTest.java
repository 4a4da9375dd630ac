package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.OutputFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random replies (prose, markup, entities) cut at random places: streaming gives exactly the whole-reply result. */
class StreamEqualsWholePropertyTest {
    private static final OutputFilter OUTPUT = Filters.output(Replies.policy(List.of("ZQ-CANARY-7Q4P-93KD")));

    @Property(tries = 300)
    void streamedEqualsWhole(@ForAll("replies") String reply, @ForAll long seed) {
        String whole = Replies.filterWhole(OUTPUT, reply);
        var random = new Random(seed);
        var pieces = new ArrayList<String>();
        for (int i = 0; i < reply.length(); ) {
            int n = 1 + random.nextInt(12);
            pieces.add(reply.substring(i, Math.min(reply.length(), i + n)));
            i += n;
        }
        var streamed = Replies.stream(OUTPUT, pieces);
        if (whole == null) {
            assertThat(streamed.blocked()).isTrue();
        } else {
            assertThat(streamed.blocked()).isFalse();
            assertThat(streamed.content()).isEqualTo(whole);
        }
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> words = Arbitraries.of("the", "order", "ships", "Monday", "price", "$12.50", "3 < 4", "a>b",
                "![img](https://evil.example/p.png)", "![ok](https://images.example.com/x.png)", "![ref][r]", "<b>",
                "</div>", "<https://example.com>", "`code <x>`", "`", "\n```\n", "\n```js\nif (a<b) {}\n", "\n\n", "!",
                "[link](https://example.com)", "jane.doe@example.com", "4111 1111 1111 1111", "+1 415 555 0132",
                "AKIAZ3MHQ7R2X5LWN4PB", "DE89 3704 0044 0532 0130 00", "SSN 536-22-8712", "<!-- c -->", "(", ")",
                "[", "]", "<", "café", "😀", "\t");
        return Combinators.combine(words.list().ofMaxSize(40), Arbitraries.of(" ", "", "\n"))
                .as((list, sep) -> String.join(sep, list));
    }
}
