package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Policies;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.limit.LimitResponses;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.ExtractionMonitor.MonitorVerdict;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.InputFilter.InputVerdict;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.RateLimiter;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.RequestHead;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One request through the gateway, step by step: bounded body → authenticate → parse → authorize → rate limit →
 * extraction monitor → input filter (on a worker when a learned model runs or the body is large) → upstream → reply (whole or streamed) → audit. Each step either
 * hands the next its input or ends the request with a {@link Refused}; whatever happens, the exchange is recorded
 * once.
 */
final class RequestPipeline {
    /** Longest a THROTTLE verdict may hold a request. */
    private static final long MAX_THROTTLE_MILLIS = 30_000;

    /** The protections and routes the pipeline runs. */
    /** @param clientCertificates whether the listener asks for TLS client certificates (only then are they read) */
    record Parts(AccessControl access, RateLimiter limiter, ExtractionMonitor monitor, InputFilter input,
                 OutputFilter output, Function<dev.bulwark.guard.config.Upstream.Flavor, UpstreamAdapter> adapters,
                 UpstreamRouter upstreams, Policies policies, Duration bodyTimeout, boolean clientCertificates) {
    }

    private final Vertx vertx;
    private final Parts parts;
    private final Offload offload;
    private final UpstreamCall upstreamCall;
    private final WholeReply wholeReply;
    private final ExchangeRecorder recorder;
    private final GatewayMetrics metrics;

    RequestPipeline(Vertx vertx, Parts parts, WorkerExecutor workers, UpstreamCall upstreamCall,
                    ExchangeRecorder recorder, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.parts = parts;
        this.offload = new Offload(workers);
        this.upstreamCall = upstreamCall;
        this.recorder = recorder;
        this.metrics = metrics;
        this.wholeReply = new WholeReply(parts.output(), parts.access(), offload, parts.policies().failClosed());
    }

    void handle(RoutingContext rc, Route route) {
        Exchange ex = rc.get(Exchange.KEY);
        ex.route = route;
        recorder.inFlight().begin();
        HttpServerRequest request = rc.request();
        Context context = vertx.getOrCreateContext();
        rc.response().closeHandler(v -> ex.clientGone());
        readBody(request)
                .compose(body -> authenticate(ex, request, body))
                .compose(body -> {
                    ex.requestBytes = body.length();
                    return parse(route, body);
                })
                .compose(body -> authorize(ex, route, body))
                .compose(body -> admit(ex, context, body))
                .compose(body -> observe(ex, context, route, body))
                .compose(body -> inspectInput(ex, context, route, body))
                .compose(body -> forward(ex, route, body, rc.response()))
                .onComplete(done -> {
                    if (done.failed()) refuse(ex, rc.response(), done.cause());
                    recorder.finish(ex);
                });
    }

    private Future<Buffer> readBody(HttpServerRequest request) {
        long max = parts.policies().input().maxBytes();
        String declared = request.getHeader("content-length");
        if (declared != null && parseLong(declared) > max) {
            return Future.failedFuture(tooLarge(max));
        }
        Promise<Buffer> body = Promise.promise();
        // a body trickled in slowly would hold the connection and its buffer for as long as the client likes
        long deadline = vertx.setTimer(parts.bodyTimeout().toMillis(), id -> {
            if (body.future().isComplete()) return;
            metrics.slowClientClosed("body");
            request.pause();
            // set before the refusal is sent (failing the promise sends it at once): the rest of the body never comes
            request.response().putHeader("connection", "close");
            body.tryFail(bodyTooSlow(parts.bodyTimeout()));
        });
        BoundedRead.read(request, max).onComplete(read -> {
            vertx.cancelTimer(deadline);
            if (read.succeeded()) body.tryComplete(read.result());
            else body.tryFail(read.cause() instanceof BoundedRead.TooLarge ? tooLarge(max)
                    : new Refused(ErrorReplies.invalidJson("The body could not be read."), "blocked"));
        });
        return body.future();
    }

    private static Refused bodyTooSlow(Duration limit) {
        return new Refused(ErrorReplies.requestTimeout(), "blocked", List.of(new Decision("input", "body-timeout",
                "blocked", 1, 1, "body not complete within " + limit.toSeconds() + " s")));
    }

    private static Refused tooLarge(long max) {
        return new Refused(ErrorReplies.tooLarge(max), "blocked",
                List.of(new Decision("input", "size", "blocked", 1, 1, "body over " + max + " bytes")));
    }

    private Future<Buffer> authenticate(Exchange ex, HttpServerRequest request, Buffer body) {
        return switch (parts.access().authenticate(head(request, ex.remoteIp, parts.clientCertificates()))) {
            case AccessControl.Authenticated ok -> {
                ex.caller = ok.caller();
                yield Future.succeededFuture(body);
            }
            case AccessControl.Rejected no -> Future.failedFuture(new Refused(no.refusal(), "unauthenticated"));
        };
    }

    private Future<ObjectNode> parse(Route route, Buffer body) {
        if (route == Route.MODELS && body.length() == 0) return Future.succeededFuture(JsonNodeFactory.instance.objectNode());
        try {
            return Future.succeededFuture(JsonBodies.parseObject(body.getBytes()));
        } catch (JsonBodies.NotAnObject e) {
            return Future.failedFuture(new Refused(ErrorReplies.invalidJson(e.getMessage()), "blocked",
                    List.of(new Decision("input", "schema", "blocked", 1, 1, "invalid JSON body"))));
        }
    }

    private Future<ObjectNode> authorize(Exchange ex, Route route, ObjectNode body) {
        ex.model = JsonBodies.text(body, "model");
        List<String> tools = OfferedTools.names(body);
        ex.offeredTools = Set.copyOf(tools);
        return parts.access().authorize(ex.caller, route, ex.model, tools)
                .<Future<ObjectNode>>map(refusal -> Future.failedFuture(new Refused(refusal, "forbidden")))
                .orElseGet(() -> Future.succeededFuture(body));
    }

    private Future<ObjectNode> admit(Exchange ex, Context context, ObjectNode body) {
        // from the body as received: re-serialising the parsed body only to measure it cost more than the rest of admit
        long estimate = (ex.requestBytes + 3) / 4;
        return Future.fromCompletionStage(parts.limiter().admit(ex.caller, estimate), context)
                .recover(e -> failOpenOr(ex, "limit", "rate-limiter", LimitResponses.unavailable(), null))
                .compose(decision -> {
                    if (decision == null) return Future.succeededFuture(body);
                    ex.limit = decision;
                    if (!decision.allowed()) {
                        return Future.failedFuture(new Refused(LimitResponses.refusal(decision), "throttled",
                                List.of(new Decision("limit", decision.scope() + "-" + decision.kind(), "blocked", 1, 1, ""))));
                    }
                    ex.admitted = true;
                    ex.estimatedTokens = estimate;
                    return Future.succeededFuture(body);
                });
    }

    private Future<ObjectNode> observe(Exchange ex, Context context, Route route, ObjectNode body) {
        if (route == Route.MODELS) return Future.succeededFuture(body);
        ex.inputText = PromptText.of(route, body);
        return Future.fromCompletionStage(parts.monitor().observe(ex.caller, ex.inputText, Instant.now()), context)
                .recover(e -> failOpenOr(ex, "monitor", "extraction", Refusal.scannerError(), MonitorVerdict.NONE))
                .compose(verdict -> switch (verdict.level()) {
                    case NONE -> Future.succeededFuture(body);
                    case ALERT -> {
                        ex.decisions.add(new Decision("monitor", "extraction", "alerted", 1, 1, verdict.reason()));
                        yield Future.succeededFuture(body);
                    }
                    case THROTTLE -> {
                        ex.decisions.add(new Decision("monitor", "extraction", "throttled", 1, 1, verdict.reason()));
                        Promise<ObjectNode> later = Promise.promise();
                        vertx.setTimer(Math.clamp(verdict.delayMillis(), 1, MAX_THROTTLE_MILLIS), id -> later.complete(body));
                        yield later.future();
                    }
                    case BLOCK -> Future.failedFuture(new Refused(ErrorReplies.extractionSuspected(), "blocked",
                            List.of(new Decision("monitor", "extraction", "blocked", 1, 1, verdict.reason()))));
                });
    }

    /** A protection that could not decide: refused when failing closed, else let through and flagged. */
    private <T> Future<T> failOpenOr(Exchange ex, String stage, String detector, Refusal refusal, T passValue) {
        boolean closed = parts.policies().failClosed();
        Decision failed = new Decision(stage, "scanner-error", closed ? "blocked" : "flagged", 1, 1, detector + " failed");
        if (closed) return Future.failedFuture(new Refused(refusal, "scanner-error", List.of(failed)));
        ex.decisions.add(failed);
        return Future.succeededFuture(passValue);
    }

    private Future<ObjectNode> inspectInput(Exchange ex, Context context, Route route, ObjectNode body) {
        if (route == Route.MODELS) return Future.succeededFuture(body);
        var caller = ex.caller;
        CompletionStage<Void> prepared = parts.input().prepare(route, body, caller);
        if (prepared instanceof CompletableFuture<Void> done && done.isDone()) {
            return filterInput(ex, route, body, caller);
        }
        // a lookup in shared state: whatever its outcome, the filter decides (a failed lookup found nothing)
        return Future.fromCompletionStage(prepared, context).otherwiseEmpty()
                .compose(ignored -> filterInput(ex, route, body, caller));
    }

    private Future<ObjectNode> filterInput(Exchange ex, Route route, ObjectNode body, Caller caller) {
        return offload.run(parts.input().cheapFor(ex.requestBytes), () -> parts.input().inspect(route, body, caller))
                .recover(e -> failOpenOr(ex, "input", "input-filter", Refusal.scannerError(), null))
                .compose(verdict -> {
                    if (verdict == null) return Future.succeededFuture(body);
                    if (verdict.promptText() != null) ex.inputText = verdict.promptText();
                    if (verdict.refusal().isPresent()) {
                        return Future.failedFuture(new Refused(verdict.refusal().get(), "blocked", verdict.decisions()));
                    }
                    ex.decisions.addAll(verdict.decisions());
                    ex.pseudonyms = verdict.pseudonyms();
                    return Future.succeededFuture(verdict.body());
                });
    }

    private Future<Void> forward(Exchange ex, Route route, ObjectNode body, HttpServerResponse out) {
        Upstream upstream = parts.upstreams().pick(ex.model).orElse(null);
        if (upstream == null) return Future.failedFuture(new Refused(ErrorReplies.modelNotFound(), "blocked"));
        ex.upstreamId = upstream.id();
        UpstreamAdapter adapter = parts.adapters().apply(upstream.flavor());
        boolean stream = (route == Route.CHAT || route == Route.COMPLETIONS) && body.path("stream").asBoolean(false);
        return offload.run(ex.requestBytes <= Offload.CHEAP_JSON_BYTES, () -> adapter.request(route, body, upstream, stream))
                .recover(e -> Future.failedFuture(new Refused(ErrorReplies.internal(), "upstream-error")))
                .compose(call -> upstreamCall.open(upstream, call, ex))
                .compose(opened -> {
                    // a client gone before the reply started: drop the upstream exchange too
                    ex.onClientGone = opened::cancel;
                    if (out.closed()) opened.cancel();
                    int status = opened.response.statusCode();
                    if (status < 200 || status > 299) {
                        opened.cancel();
                        return Future.failedFuture(new Refused(ErrorReplies.upstreamStatus(status), "upstream-error"));
                    }
                    if (stream) {
                        var relay = new StreamRelay(ex, opened, adapter.streamDecoder(route, ex.model),
                                parts.output().stream(route, ex.offeredTools, ex.pseudonyms), parts.policies().failClosed(), metrics, out);
                        return relay.run();
                    }
                    return wholeReply.relay(ex, route, adapter, opened, out, ReplyCap.limitOf(body));
                });
    }

    private static void refuse(Exchange ex, HttpServerResponse out, Throwable failure) {
        if (failure instanceof Refused refused) {
            ex.decisions.addAll(refused.decisions);
            ex.end(refused.refusal.status(), refused.outcome);
            if (out.closed()) ex.end(499, "client-closed");
            ErrorReplies.send(out, refused.refusal);
            return;
        }
        ex.end(out.closed() ? 499 : 500, out.closed() ? "client-closed" : "error");
        ErrorReplies.send(out, ErrorReplies.internal());
    }

    private static RequestHead head(HttpServerRequest request, String remoteIp, boolean clientCertificates) {
        Map<String, String> headers = new HashMap<>();
        for (String name : request.headers().names()) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.headers().get(name));
        }
        return new RequestHead(request.method().name(), request.path(), remoteIp, headers,
                clientCertificates ? ClientCertificates.sha256(request) : null);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
