package dev.bulwark.guard.upstream;

import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.List;

/** A {@link FramedStreamDecoder} over server-sent events (OpenAI, Azure, Anthropic). */
abstract class SseStreamDecoder extends FramedStreamDecoder<SseDecoder.Event> {
    private final SseDecoder sse = new SseDecoder();

    @Override
    final List<SseDecoder.Event> frame(byte[] bytes) throws StreamFormatException {
        return sse.feed(bytes);
    }

    @Override
    final List<SseDecoder.Event> frameEnd() throws StreamFormatException {
        return sse.end();
    }
}
