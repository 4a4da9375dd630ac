package dev.bulwark.guard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import dev.bulwark.guard.upstream.SseDecoder.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Hostile and split input for the SSE framing: only events or {@link StreamFormatException}, and splits do not matter. */
class SseDecoderPropertiesTest {
    private static final Event FORMAT_ERROR = new Event("error", "format", "");

    @Property(tries = 500)
    void arbitraryBytesGiveEventsOrAFormatErrorOnly(@ForAll @Size(max = 4000) byte[] bytes, @ForAll("cuts") int[] cuts) {
        SseDecoder decoder = new SseDecoder(256, 512);
        try {
            int from = 0;
            for (int cut : normalised(cuts, bytes.length)) {
                decoder.feed(Arrays.copyOfRange(bytes, from, cut));
                from = cut;
            }
            decoder.feed(Arrays.copyOfRange(bytes, from, bytes.length));
            decoder.end();
        } catch (StreamFormatException expected) {
            // the only failure allowed
        }
    }

    // shrinking off: jqwik 1.9.3 fails with "argument type mismatch" while shrinking the int[] of cuts
    @Property(tries = 1000, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void frameLikeInputDecodesTheSameHoweverItIsSplit(@ForAll("sseLike") byte[] bytes, @ForAll("cuts") int[] cuts) throws Exception {
        List<Event> whole = decodeOrError(bytes, new int[0]);
        List<Event> split = decodeOrError(bytes, cuts);
        if (!failed(whole)) {
            assertThat(split).isEqualTo(whole);
            return;
        }
        // A format error ends the stream either way. A feed that fails returns none of the events it decoded
        // before the error, so smaller feeds may hand over more of them first: the whole run's events are a prefix.
        assertThat(failed(split)).isTrue();
        assertThat(split.size()).isGreaterThanOrEqualTo(whole.size());
        assertThat(split.subList(0, whole.size() - 1)).isEqualTo(whole.subList(0, whole.size() - 1));
    }

    @Provide
    Arbitrary<int[]> cuts() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMaxSize(12);
    }

    /** Bytes drawn mostly from SSE's own alphabet (field names, colons, line ends, multi-byte UTF-8, a BOM). */
    @Provide
    Arbitrary<byte[]> sseLike() {
        Arbitrary<String> piece = Arbitraries.of("data", "event", "id", "retry", ":", " ", "\n", "\r", "\r\n", "\n\n",
                "x", "ü", "👋", "\uFEFF", "[DONE]", "12", "{\"a\":1}");
        return piece.list().ofMaxSize(80).map(pieces -> String.join("", pieces).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<Event> decodeOrError(byte[] bytes, int[] cuts) {
        SseDecoder decoder = new SseDecoder(64, 128);
        List<Event> events = new ArrayList<>();
        try {
            int from = 0;
            for (int cut : normalised(cuts, bytes.length)) {
                events.addAll(decoder.feed(Arrays.copyOfRange(bytes, from, cut)));
                from = cut;
            }
            events.addAll(decoder.feed(Arrays.copyOfRange(bytes, from, bytes.length)));
            events.addAll(decoder.end());
        } catch (StreamFormatException e) {
            events.add(FORMAT_ERROR);
        }
        return events;
    }

    private static boolean failed(List<Event> events) {
        return !events.isEmpty() && events.getLast().equals(FORMAT_ERROR);
    }

    private static int[] normalised(int[] cuts, int length) {
        return Arrays.stream(cuts).map(c -> c % (length + 1)).sorted().toArray();
    }
}
