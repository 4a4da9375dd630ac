package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Refusal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Frames payloads as server-sent events on the client's response ({@code data: ...}, one blank line after each
 * event), starting the response head on the first write.
 */
final class SseWriter {
    private final HttpServerResponse out;
    private boolean done;

    SseWriter(HttpServerResponse out) {
        this.out = out;
    }

    void start() {
        if (out.headWritten()) return;
        out.setStatusCode(200).setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-cache")
                .putHeader("x-accel-buffering", "no");
    }

    void data(String payload) {
        if (done || out.closed()) return;
        start();
        out.write(frame(payload));
    }

    /** An OpenAI-style error event, then {@code [DONE]}. */
    void error(Refusal refusal) {
        ObjectNode body = ErrorReplies.body(refusal);
        data(body.toString());
        done();
    }

    void done() {
        if (done) return;
        done = true;
        if (out.closed() || out.ended()) return;
        start();
        out.end(frame("[DONE]"));
    }

    boolean full() {
        return out.writeQueueFull();
    }

    /** One event; a payload spanning lines becomes one {@code data:} line per line, as SSE requires. */
    static Buffer frame(String payload) {
        StringBuilder event = new StringBuilder(payload.length() + 8);
        int from = 0;
        while (true) {
            int nl = payload.indexOf('\n', from);
            String line = nl < 0 ? payload.substring(from) : payload.substring(from, nl);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            event.append("data: ").append(line).append('\n');
            if (nl < 0) break;
            from = nl + 1;
        }
        return Buffer.buffer(event.append('\n').toString());
    }
}
