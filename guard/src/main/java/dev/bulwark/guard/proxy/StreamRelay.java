package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.StreamFilter;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamDecoder;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.List;

/**
 * Relays one streamed reply: upstream bytes → adapter decoder → stream filter → SSE frames, chunk by chunk. The
 * upstream is paused while the client's write queue is full, cancelled when the client goes away or the filter
 * blocks, and the client always gets a proper end ({@code [DONE]}, after an error event when it did not go well).
 * Runs on the event loop: the stream filter is the deterministic, bounded-hold-back kind.
 */
final class StreamRelay {
    private static final String DONE = "[DONE]";

    private final Exchange ex;
    private final UpstreamCall.Opened upstream;
    private final StreamDecoder decoder;
    private final StreamFilter filter;
    private final boolean failClosed;
    private final GatewayMetrics metrics;
    private final HttpServerResponse out;
    private final SseWriter sse;
    private final Promise<Void> finished = Promise.promise();
    private Usage usage = Usage.NONE;
    private boolean filterBroken;
    private boolean over;

    StreamRelay(Exchange ex, UpstreamCall.Opened upstream, StreamDecoder decoder, StreamFilter filter,
                boolean failClosed, GatewayMetrics metrics, HttpServerResponse out) {
        this.ex = ex;
        this.upstream = upstream;
        this.decoder = decoder;
        this.filter = filter;
        this.failClosed = failClosed;
        this.metrics = metrics;
        this.out = out;
        this.sse = new SseWriter(out);
    }

    /** Completes when the reply ended one way or another, with the exchange's status and outcome set. */
    Future<Void> run() {
        ex.streamed = true;
        metrics.streamOpened();
        upstream.settled(); // from here the idle timeout guards stalls
        var response = upstream.response;
        out.closeHandler(v -> clientGone());
        out.exceptionHandler(e -> clientGone());
        out.drainHandler(v -> {
            if (!over) response.resume();
        });
        response.exceptionHandler(this::upstreamFailed);
        response.endHandler(v -> upstreamEnded());
        response.handler(this::onBytes);
        sse.start();
        return finished.future();
    }

    private void onBytes(Buffer bytes) {
        if (over) return;
        List<String> payloads;
        try {
            payloads = decoder.feed(bytes.getBytes());
        } catch (StreamFormatException e) {
            abort(ErrorReplies.upstreamBadReply(), "upstream-error");
            return;
        }
        deliver(payloads);
        if (!over && sse.full()) upstream.response.pause();
    }

    private void upstreamEnded() {
        if (over) return;
        try {
            deliver(decoder.end());
        } catch (StreamFormatException e) {
            abort(ErrorReplies.upstreamBadReply(), "upstream-error");
            return;
        }
        if (!over) complete();
    }

    private void deliver(List<String> payloads) {
        for (String payload : payloads) {
            if (over) return;
            if (DONE.equals(payload.strip())) {
                complete();
                return;
            }
            noteUsage(payload);
            List<String> filtered = filtered(payload);
            if (over) return;
            send(filtered);
            if (!filterBroken && filter.blocked()) {
                ex.decisions.add(new Decision("output", "stream", "blocked", 1, 1, "stream stopped"));
                end(ErrorReplies.contentBlocked(), 200, "blocked");
                upstream.cancel();
                return;
            }
        }
    }

    private List<String> filtered(String payload) {
        if (filterBroken) return List.of(payload);
        try {
            return filter.onData(payload);
        } catch (RuntimeException e) {
            return scannerFailed(payload);
        }
    }

    /** Fail closed: end the reply; fail open: the rest of the stream goes through unfiltered, flagged. */
    private List<String> scannerFailed(String payload) {
        filterBroken = true;
        ex.decisions.add(new Decision("output", "scanner-error", failClosed ? "blocked" : "flagged", 1, 1, "stream filter failed"));
        if (failClosed) {
            end(Refusal.scannerError(), 503, "scanner-error");
            upstream.cancel();
            return List.of();
        }
        return List.of(payload);
    }

    private void complete() {
        List<String> rest;
        if (filterBroken) {
            rest = List.of();
        } else {
            try {
                rest = filter.finish();
            } catch (RuntimeException e) {
                rest = scannerFailed("");
                if (over) return;
                rest = List.of();
            }
        }
        send(rest);
        if (!filterBroken && filter.blocked()) {
            ex.decisions.add(new Decision("output", "stream", "blocked", 1, 1, "stream stopped"));
            end(ErrorReplies.contentBlocked(), 200, "blocked");
            return;
        }
        end(null, 200, "allowed");
    }

    private void send(List<String> payloads) {
        for (String p : payloads) if (!DONE.equals(p.strip())) sse.data(p);
    }

    private void upstreamFailed(Throwable failure) {
        if (over) return;
        Refused refused = UpstreamCall.classify(failure, false);
        abort(refused.refusal, refused.outcome);
    }

    private void abort(Refusal refusal, String outcome) {
        end(refusal, refusal.status(), outcome);
        upstream.cancel();
    }

    private void clientGone() {
        if (over) return;
        close(499, "client-closed");
        upstream.cancel(); // after close: resetting fires the upstream's exception handler at once
    }

    /** Ends the client's reply: an error event first when {@code error} is given, then {@code [DONE]}. */
    private void end(Refusal error, int status, String outcome) {
        if (over) return;
        if (error != null) sse.error(error);
        else sse.done();
        close(status, outcome);
    }

    private void close(int status, String outcome) {
        over = true;
        metrics.streamClosed();
        upstream.settled();
        ex.end(status, outcome);
        if (!filterBroken) {
            ex.decisions.addAll(filter.decisions());
            ex.outputText = filter.completionText();
            ex.releasedTexts = filter.releasedTexts();
        }
        Usage counted = usage.orEstimate(ex.inputText, ex.outputText);
        ex.promptTokens = counted.promptTokens();
        ex.completionTokens = counted.completionTokens();
        finished.tryComplete();
    }

    /** Upstreams report usage in a final chunk when asked ({@code stream_options.include_usage}). */
    private void noteUsage(String payload) {
        if (!payload.contains("\"usage\"")) return;
        try {
            JsonNode chunk = JsonBodies.MAPPER.readTree(payload);
            Usage reported = Usage.reported(chunk);
            if (reported.promptTokens() >= 0 || reported.completionTokens() >= 0) usage = reported;
        } catch (IOException | RuntimeException e) {
            // not JSON: no usage to learn from it
        }
    }
}
