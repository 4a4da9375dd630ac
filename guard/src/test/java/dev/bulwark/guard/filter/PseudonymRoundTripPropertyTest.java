package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * What the user wrote comes back to them unchanged when the model repeats its pseudonymized form, in whole and
 * streamed replies however they are cut, while the upstream never sees a value: the round trip through the input
 * filter, a model that echoes, and the output filter (every rule on).
 */
class PseudonymRoundTripPropertyTest {
    private static final Caller CALLER = new Caller("app", Set.of("chat"), "127.0.0.1", "key", Limits.NONE);
    private static final InputFilter INPUT = Filters.input(InputFilterTest.policy(Action.OFF, Action.PSEUDONYMIZE,
            Action.BLOCK), true);
    private static final OutputFilter OUTPUT = Filters.output(Replies.defaults());

    @Property(tries = 200)
    void theUserReadsWhatTheyWroteAndTheModelNoValue(@ForAll("messages") List<String> tokens, @ForAll long seed) {
        String message = String.join(" ", tokens);
        var verdict = INPUT.inspect(Route.CHAT, InputFilterTest.chat("user", message), CALLER);
        String upstream = verdict.body().path("messages").path(0).path("content").asText();
        Pseudonyms pseudonyms = verdict.pseudonyms();
        for (String value : pseudonyms.byPlaceholder().values()) assertThat(upstream).doesNotContain(value);

        var whole = OUTPUT.inspect(Route.CHAT, Replies.whole(upstream), Set.of(), pseudonyms);
        assertThat(whole.response().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(message);

        var stream = OUTPUT.stream(Route.CHAT, Set.of(), pseudonyms);
        var payloads = new ArrayList<String>();
        payloads.addAll(stream.onData(Replies.chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)));
        var random = new Random(seed);
        for (int at = 0; at < upstream.length(); ) {
            int end = Math.min(upstream.length(), at + 1 + random.nextInt(12));
            payloads.addAll(stream.onData(Replies.chunk(Replies.delta(upstream.substring(at, end)), null)));
            at = end;
        }
        payloads.addAll(stream.onData(Replies.chunk("{}", "\"stop\"")));
        payloads.addAll(stream.onData("[DONE]"));
        payloads.addAll(stream.finish());
        assertThat(Replies.contentOf(payloads)).isEqualTo(message);
    }

    @Provide
    Arbitrary<List<String>> messages() {
        Arbitrary<String> words = Arbitraries.of("please", "send", "the", "quote", "to", "and", "a", "copy", "invoice",
                "my", "account", "is", "thanks,", "for", "order", "42", "tomorrow", "or");
        Arbitrary<String> emails = Combinators.combine(
                Arbitraries.of("maria", "ole", "kim", "anna.berg", "j.smith"),
                Arbitraries.of("example.com", "bikes.example", "mail.example.org"))
                .as((user, host) -> user + "@" + host);
        Arbitrary<String> ibans = Arbitraries.of("DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32",
                "NO93 8601 1117 947");
        return Arbitraries.frequencyOf(Tuple.of(6, words), Tuple.of(2, emails), Tuple.of(1, ibans))
                .list().ofMinSize(1).ofMaxSize(25);
    }
}
