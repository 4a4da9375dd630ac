package dev.bulwark.guard.proxy;

import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.RateLimiter.LimitDecision;
import dev.bulwark.guard.pipeline.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the gateway learns about one request as it goes through the pipeline, for its reply headers, the audit
 * record and the metrics. Confined to the request's event loop: worker threads hand their results back instead of
 * writing here.
 */
final class Exchange {
    static final String KEY = "bulwark.exchange";

    final String requestId = UUID.randomUUID().toString();
    final Instant at = Instant.now();
    final long startNanos = System.nanoTime();
    final String remoteIp;
    final List<Decision> decisions = new ArrayList<>();

    Route route;
    Caller caller;
    String model;
    /** The function names the request offers the model ({@link OfferedTools}); the reply may call only these. */
    Set<String> offeredTools = Set.of();
    /** The personal values the input filter replaced by placeholders; the reply gets them back. */
    Pseudonyms pseudonyms = Pseudonyms.NONE;
    String upstreamId;
    LimitDecision limit;
    boolean admitted;
    long estimatedTokens;
    /** Size of the request body as received. */
    long requestBytes;
    long promptTokens;
    long completionTokens;
    boolean streamed;
    String inputText = "";
    String outputText = "";
    /** Each choice's text as the client received it: the replies an app may send back as history. */
    List<String> releasedTexts = List.of();
    long upstreamStartNanos;
    long upstreamHeadersNanos;
    long upstreamEndNanos;
    int status;
    String outcome = "allowed";
    boolean finished;
    /** Drops the upstream exchange in progress, if any, when the client goes away. */
    Runnable onClientGone;

    Exchange(String remoteIp) {
        this.remoteIp = remoteIp;
    }

    void clientGone() {
        if (onClientGone != null) onClientGone.run();
    }

    String routeName() {
        return route == null ? "unknown" : route.configName();
    }

    void end(int status, String outcome) {
        this.status = status;
        this.outcome = outcome;
    }
}
