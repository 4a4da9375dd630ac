package dev.bulwark.guard.proxy;

import dev.bulwark.guard.pipeline.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's Prometheus metrics: requests by route, outcome and status; protection decisions by stage, detector
 * and action; upstream latency and the latency the gateway adds (percentile histograms); streams open now. Tag
 * values come from enums and fixed vocabularies only, never from request text.
 */
public final class GatewayMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger activeStreams = new AtomicInteger();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("bulwark.guard.active.streams", activeStreams, AtomicInteger::get)
                .description("Streamed replies being relayed now").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void request(String route, String outcome, int status) {
        Counter.builder("bulwark.guard.requests").description("Requests by route, outcome and status")
                .tags("route", route, "outcome", outcome, "status", Integer.toString(status))
                .register(registry).increment();
    }

    void decision(Decision decision) {
        Counter.builder("bulwark.guard.decisions").description("Protection decisions")
                .tags("stage", decision.stage(), "detector", decision.detector(), "action", decision.action())
                .register(registry).increment();
    }

    void upstreamLatency(String upstream, long nanos) {
        Timer.builder("bulwark.guard.upstream.latency").description("Upstream time (to the last byte, or to the headers of a stream)")
                .tag("upstream", upstream).publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void addedLatency(String route, long nanos) {
        Timer.builder("bulwark.guard.added.latency").description("Time the gateway adds to a request")
                .tag("route", route).publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void streamOpened() {
        activeStreams.incrementAndGet();
    }

    void streamClosed() {
        activeStreams.decrementAndGet();
    }
}
