package dev.bulwark.guard.upstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonDecoderTest {
    @Test
    void readsOneObjectPerLineSkippingBlankLinesAndKeepsASplitLine() throws Exception {
        NdjsonDecoder decoder = new NdjsonDecoder();
        List<ObjectNode> objects = new ArrayList<>(decoder.feed("{\"a\":1}\r\n\n  \n{\"b\":\"ü".getBytes(UTF_8)));
        assertThat(objects).hasSize(1);
        objects.addAll(decoder.feed("\"}\n{\"c\":3}".getBytes(UTF_8)));
        objects.addAll(decoder.end());
        assertThat(objects).extracting(Object::toString).containsExactly("{\"a\":1}", "{\"b\":\"ü\"}", "{\"c\":3}");
    }

    @Test
    void aLineThatIsNotAJsonObjectIsAFormatError() {
        assertThatThrownBy(() -> new NdjsonDecoder().feed("{\"a\":\n".getBytes(UTF_8))).isInstanceOf(StreamFormatException.class);
        assertThatThrownBy(() -> new NdjsonDecoder().feed("[1,2]\n".getBytes(UTF_8))).isInstanceOf(StreamFormatException.class);
        assertThatThrownBy(() -> new NdjsonDecoder().feed("NaN\n".getBytes(UTF_8))).isInstanceOf(StreamFormatException.class);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + "\n";
        assertThatThrownBy(() -> new NdjsonDecoder().feed(deep.getBytes(UTF_8))).isInstanceOf(StreamFormatException.class);
    }

    @Test
    void aHugeLineIsAFormatErrorNotAGrowingBuffer() {
        NdjsonDecoder decoder = new NdjsonDecoder(4096);
        byte[] chunk = new byte[1000];
        Arrays.fill(chunk, (byte) ' ');
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) decoder.feed(chunk);
        }).isInstanceOf(StreamFormatException.class);
    }
}
