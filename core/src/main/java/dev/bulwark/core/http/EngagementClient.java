package dev.bulwark.core.http;

import dev.bulwark.core.scope.RulesOfEngagement;

/**
 * The engagement's only way to the network. Enforces the rules of engagement on every request: host allow-list
 * (redirects included: each hop is checked before it is sent), request budget, request rate, per-request timeout,
 * retries with back-off on transport errors and 429/503 (honouring {@code Retry-After}), a capped reply body.
 * Counts every request that left the machine. Thread-safe.
 *
 * <p>API sketch agreed for issue 2; implementation lands with the engine.
 */
public final class EngagementClient implements AutoCloseable {

    public EngagementClient(RulesOfEngagement rules) {
        throw new UnsupportedOperationException("engine: under construction");
    }

    /** Sends one call, retrying as the rules allow. Never contacts a host outside the allow-list. */
    public HttpReply send(HttpCall call) throws EngagementException, InterruptedException {
        throw new UnsupportedOperationException("engine: under construction");
    }

    /** Requests that actually went out (each retry and each redirect hop counts). */
    public long requestsSent() {
        throw new UnsupportedOperationException("engine: under construction");
    }

    /** Stops all further sends: later and waiting calls fail with {@link EngagementException.Reason#STOPPED}. */
    public void stop() {
        throw new UnsupportedOperationException("engine: under construction");
    }

    @Override
    public void close() {
    }
}
