package dev.bulwark.guard.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import dev.bulwark.guard.upstream.SseDecoder.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {
    private static List<Event> decode(SseDecoder decoder, byte[] bytes) throws StreamFormatException {
        List<Event> events = new ArrayList<>(decoder.feed(bytes));
        events.addAll(decoder.end());
        return events;
    }

    private static List<Event> decode(String text) throws StreamFormatException {
        return decode(new SseDecoder(), text.getBytes(UTF_8));
    }

    @Test
    void readsFieldsAndJoinsMultiLineData() throws Exception {
        List<Event> events = decode("event: update\nid: 7\nretry: 1500\ndata: first\ndata:second\ndata\n\n");
        assertThat(events).containsExactly(new Event("update", "first\nsecond\n", "7"));
    }

    @Test
    void defaultsTheTypeAndKeepsTheLastIdAcrossEvents() throws Exception {
        SseDecoder decoder = new SseDecoder();
        List<Event> events = decode(decoder, "id: a\ndata: 1\n\ndata: 2\n\n".getBytes(UTF_8));
        assertThat(events).containsExactly(new Event("message", "1", "a"), new Event("message", "2", "a"));
        assertThat(decoder.retryMillis()).isEmpty();
    }

    @Test
    void parsesRetryOnlyWhenAllDigits() throws Exception {
        SseDecoder decoder = new SseDecoder();
        decode(decoder, "retry: 12x\nretry: 3000\nretry: -1\n\n".getBytes(UTF_8));
        assertThat(decoder.retryMillis()).hasValue(3000);
    }

    @Test
    void ignoresCommentsUnknownFieldsAndEventsWithoutData() throws Exception {
        assertThat(decode(": hello\nfoo: bar\nevent: x\n\ndata: y\n\n")).containsExactly(new Event("message", "y", ""));
    }

    @Test
    void stripsOnlyOneSpaceAfterTheColon() throws Exception {
        assertThat(decode("data:  two spaces\n\n").get(0).data()).isEqualTo(" two spaces");
        assertThat(decode("data:a:b\n\n").get(0).data()).isEqualTo("a:b");
    }

    @Test
    void acceptsCrLfLfAndCrLineEndsMixed() throws Exception {
        assertThat(decode("data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\n\n"))
                .extracting(Event::data).containsExactly("a", "b", "c", "d");
    }

    @Test
    void crLfSplitAcrossFeedsIsOneLineEnd() throws Exception {
        SseDecoder decoder = new SseDecoder();
        List<Event> events = new ArrayList<>(decoder.feed("event: e\r".getBytes(UTF_8)));
        events.addAll(decoder.feed("\ndata: a\r".getBytes(UTF_8)));
        events.addAll(decoder.feed("\ndata: b\r".getBytes(UTF_8)));
        events.addAll(decoder.feed("\n\r".getBytes(UTF_8)));
        events.addAll(decoder.feed("\n".getBytes(UTF_8)));
        assertThat(events).containsExactly(new Event("e", "a\nb", ""));
    }

    @Test
    void crLfInsideOneFeedKeepsAMultiLineEventTogether() throws Exception {
        assertThat(decode("event: update\r\ndata: a\r\ndata: b\r\n\r\n")).containsExactly(new Event("update", "a\nb", ""));
    }

    @Test
    void dropsALeadingBomEvenWhenSplit() throws Exception {
        byte[] bytes = "\uFEFFdata: x\n\n".getBytes(UTF_8);
        SseDecoder decoder = new SseDecoder();
        List<Event> events = new ArrayList<>();
        for (byte b : bytes) events.addAll(decoder.feed(new byte[] {b}));
        assertThat(events).containsExactly(new Event("message", "x", ""));
        // a BOM later in the stream is data, not dropped; a stream that merely starts like one keeps its bytes
        assertThat(decode("data: \uFEFFy\n\n").get(0).data()).isEqualTo("\uFEFFy");
        byte[] notBom = {(byte) 0xEF, 'd', 'a', 't', 'a', ':', 'z', '\n', 'd', 'a', 't', 'a', ':', 'q', '\n', '\n'};
        assertThat(decode(new SseDecoder(), notBom)).extracting(Event::data).containsExactly("q");
    }

    @Test
    void keepsUtf8SequencesSplitAcrossFeedsWhole() throws Exception {
        byte[] bytes = "data: Grüße 👋 ☁️\n\n".getBytes(UTF_8);
        SseDecoder decoder = new SseDecoder();
        List<Event> events = new ArrayList<>();
        for (byte b : bytes) events.addAll(decoder.feed(new byte[] {b}));
        assertThat(events).extracting(Event::data).containsExactly("Grüße 👋 ☁️");
    }

    @Test
    void discardsAnEventTheStreamEndsIn() throws Exception {
        assertThat(decode("data: complete\n\ndata: cut off\n")).extracting(Event::data).containsExactly("complete");
        assertThat(decode("data: no line end")).isEmpty();
    }

    @Test
    void replacesMalformedUtf8() throws Exception {
        byte[] bytes = {'d', 'a', 't', 'a', ':', (byte) 0xC3, (byte) 0x28, '\n', '\n'};
        assertThat(decode(new SseDecoder(), bytes).get(0).data()).isEqualTo("\uFFFD(");
    }

    @Test
    void aLineOverItsBoundIsAnErrorNotAGrowingBuffer() throws Exception {
        SseDecoder decoder = new SseDecoder(1024, 4096);
        byte[] chunk = new byte[512];
        Arrays.fill(chunk, (byte) 'a');
        decoder.feed("data: ".getBytes(UTF_8));
        decoder.feed(chunk);
        assertThatThrownBy(() -> decoder.feed(chunk)).isInstanceOf(StreamFormatException.class).hasMessageContaining("line");
    }

    @Test
    void aHugeLineAtTheDefaultBoundFails() throws Exception {
        SseDecoder decoder = new SseDecoder();
        byte[] mib = new byte[256 * 1024];
        Arrays.fill(mib, (byte) 'x');
        assertThatThrownBy(() -> {
            for (int i = 0; i < 64; i++) decoder.feed(mib); // 16 MiB offered, at most 1 MiB held
        }).isInstanceOf(StreamFormatException.class);
    }

    @Test
    void anEventOverItsBoundIsAnError() {
        SseDecoder decoder = new SseDecoder(1024, 2000);
        String line = "data: " + "b".repeat(500) + "\n";
        assertThatThrownBy(() -> decoder.feed(line.repeat(5).getBytes(UTF_8)))
                .isInstanceOf(StreamFormatException.class).hasMessageContaining("event");
    }

    @Test
    void manyEmptyDataLinesAreBoundedToo() {
        SseDecoder decoder = new SseDecoder(1024, 100);
        assertThatThrownBy(() -> decoder.feed("data\n".repeat(200).getBytes(UTF_8))).isInstanceOf(StreamFormatException.class);
    }
}
