package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.OutputFilter.OutputVerdict;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-streamed reply: read the upstream body (bounded), then parse it, translate it and run the output filter (on
 * the event loop when the filter says a reply this size is cheap, else on a worker), and send the result. A reply the gateway cannot read becomes a clean 502.
 */
final class WholeReply {
    /** Largest upstream reply the gateway reads. */
    static final long MAX_REPLY_BYTES = 16L * 1024 * 1024;

    private final OutputFilter output;
    private final AccessControl access;
    private final Offload offload;
    private final boolean failClosed;

    WholeReply(OutputFilter output, AccessControl access, Offload offload, boolean failClosed) {
        this.output = output;
        this.access = access;
        this.offload = offload;
        this.failClosed = failClosed;
    }

    /** What the worker made of the reply. */
    private record Checked(byte[] json, Refusal refusal, List<Decision> decisions, String completionText,
                           List<String> releasedTexts, Usage usage) {
    }

    /** @param maxTokens the request's max_tokens as forwarded ({@link ReplyCap}), empty when it set none */
    Future<Void> relay(Exchange ex, Route route, UpstreamAdapter adapter, UpstreamCall.Opened upstream,
                       HttpServerResponse out, java.util.Optional<Long> maxTokens) {
        String model = ex.model;
        Caller caller = ex.caller;
        return BoundedRead.read(upstream.response, MAX_REPLY_BYTES)
                .recover(e -> {
                    upstream.cancel();
                    return Future.failedFuture(e instanceof BoundedRead.TooLarge
                            ? new Refused(ErrorReplies.upstreamBadReply(), "upstream-error")
                            : UpstreamCall.classify(e, false));
                })
                .compose(body -> {
                    upstream.settled();
                    ex.upstreamEndNanos = System.nanoTime();
                    return offload.run(output.cheapFor(body.length()),
                            () -> check(route, adapter, model, caller, body, maxTokens, ex.offeredTools, ex.pseudonyms));
                })
                .map(checked -> {
                    ex.decisions.addAll(checked.decisions());
                    ex.outputText = checked.completionText();
                    ex.releasedTexts = checked.releasedTexts();
                    Usage counted = checked.usage().orEstimate(ex.inputText, ex.outputText);
                    ex.promptTokens = counted.promptTokens();
                    ex.completionTokens = counted.completionTokens();
                    if (checked.refusal() != null) {
                        ErrorReplies.send(out, checked.refusal());
                        ex.end(checked.refusal().status(), "blocked");
                    } else {
                        out.setStatusCode(200).putHeader("content-type", "application/json").end(Buffer.buffer(checked.json()));
                        ex.end(200, "allowed");
                    }
                    return null;
                });
    }

    private Checked check(Route route, UpstreamAdapter adapter, String model, Caller caller, Buffer body,
                          java.util.Optional<Long> maxTokens, java.util.Set<String> offeredTools,
                          Pseudonyms pseudonyms) {
        ObjectNode reply;
        try {
            reply = adapter.response(route, JsonBodies.parseObject(body.getBytes()), model);
        } catch (JsonBodies.NotAnObject | RuntimeException e) {
            throw new Refused(ErrorReplies.upstreamBadReply(), "upstream-error");
        }
        Usage usage = Usage.reported(reply);
        if (route == Route.MODELS) { // a model list: no text for the filters, but only what the caller may use
            List<Decision> cut = ModelList.keepAllowed(reply, id -> access.mayUseModel(caller, id));
            return new Checked(JsonBodies.bytes(reply), null, cut, "", List.of(), usage);
        }
        OutputVerdict verdict;
        try {
            verdict = output.inspect(route, reply, offeredTools, pseudonyms);
        } catch (RuntimeException e) {
            List<Decision> failed = new ArrayList<>();
            failed.add(new Decision("output", "scanner-error", failClosed ? "blocked" : "flagged", 1, 1, "output filter failed"));
            if (failClosed) throw new Refused(Refusal.scannerError(), "scanner-error", failed);
            return new Checked(JsonBodies.bytes(reply), null, failed, "", List.of(), usage);
        }
        if (verdict.blocked()) {
            return new Checked(null, verdict.refusal(), verdict.decisions(), verdict.completionText(), List.of(),
                    usage);
        }
        List<Decision> decisions = verdict.decisions();
        var cut = maxTokens.flatMap(limit -> ReplyCap.apply(route, verdict.response(), limit));
        if (cut.isPresent()) {
            decisions = new ArrayList<>(decisions);
            decisions.add(cut.get());
        }
        return new Checked(JsonBodies.bytes(verdict.response()), null, decisions, verdict.completionText(),
                verdict.releasedTexts(), usage);
    }
}
