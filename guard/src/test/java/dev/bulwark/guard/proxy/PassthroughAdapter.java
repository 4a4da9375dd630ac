package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A minimal OpenAI pass-through adapter for the proxy tests (the real ones live in {@code guard.upstream}). */
final class PassthroughAdapter implements UpstreamAdapter {
    @Override
    public UpstreamRequest request(Route route, ObjectNode body, Upstream upstream, boolean stream) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (upstream.auth() != null) headers.put(upstream.auth().header(), upstream.auth().value());
        if (route == Route.MODELS) return new UpstreamRequest("GET", route.path(), headers, new byte[0]);
        return new UpstreamRequest("POST", route.path(), headers, JsonBodies.bytes(body));
    }

    @Override
    public ObjectNode response(Route route, ObjectNode upstreamBody, String model) {
        return upstreamBody;
    }

    @Override
    public StreamDecoder streamDecoder(Route route, String model) {
        return new SseDecoder();
    }

    /** Splits SSE events on blank lines and keeps their data payloads; bounded. */
    static final class SseDecoder implements StreamDecoder {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        @Override
        public List<String> feed(byte[] bytes) throws StreamFormatException {
            pending.writeBytes(bytes);
            if (pending.size() > 1 << 20) throw new StreamFormatException("event too long");
            String text = pending.toString(StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            int end;
            while ((end = text.indexOf("\n\n")) >= 0) {
                String event = text.substring(0, end);
                text = text.substring(end + 2);
                for (String line : event.split("\n")) if (line.startsWith("data: ")) out.add(line.substring(6));
            }
            pending.reset();
            pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return out;
        }

        @Override
        public List<String> end() {
            return List.of("[DONE]");
        }
    }
}
