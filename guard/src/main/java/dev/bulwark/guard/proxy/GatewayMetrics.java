package dev.bulwark.guard.proxy;

import dev.bulwark.guard.pipeline.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    // Meters by their tag values: the builder's register() builds and sorts the tags and looks the id up on every
    // call; the vocabularies are fixed and small, so these maps stay small too.
    private final Map<List<String>, Counter> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> slowClients = new ConcurrentHashMap<>();
    private final Map<String, Timer> upstreamLatency = new ConcurrentHashMap<>();
    private final Map<String, Timer> addedLatency = new ConcurrentHashMap<>();
    private final Counter connectionsRefused;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("bulwark.guard.active.streams", activeStreams, AtomicInteger::get)
                .description("Streamed replies being relayed now").register(registry);
        connectionsRefused = Counter.builder("bulwark.guard.connections.refused")
                .description("Client connections closed as they opened: their address held listen.maxConnectionsPerAddress")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void request(String route, String outcome, int status) {
        requests.computeIfAbsent(List.of(route, outcome, Integer.toString(status)), k -> Counter
                .builder("bulwark.guard.requests").description("Requests by route, outcome and status")
                .tags("route", k.get(0), "outcome", k.get(1), "status", k.get(2))
                .register(registry)).increment();
    }

    void decision(Decision decision) {
        decisions.computeIfAbsent(List.of(decision.stage(), decision.detector(), decision.action()), k -> Counter
                .builder("bulwark.guard.decisions").description("Protection decisions")
                .tags("stage", k.get(0), "detector", k.get(1), "action", k.get(2))
                .register(registry)).increment();
    }

    void connectionRefused() {
        connectionsRefused.increment();
    }

    /** A client connection closed for sending its request too slowly ({@code head}, {@code idle}, {@code body}). */
    void slowClientClosed(String phase) {
        slowClients.computeIfAbsent(phase, k -> Counter.builder("bulwark.guard.slow.clients")
                .description("Client connections closed for sending a request too slowly")
                .tag("phase", phase).register(registry)).increment();
    }

    void upstreamLatency(String upstream, long nanos) {
        upstreamLatency.computeIfAbsent(upstream, u -> Timer.builder("bulwark.guard.upstream.latency")
                .description("Upstream time (to the last byte, or to the headers of a stream)")
                .tag("upstream", u).publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void addedLatency(String route, long nanos) {
        addedLatency.computeIfAbsent(route, r -> Timer.builder("bulwark.guard.added.latency")
                .description("Time the gateway adds to a request")
                .tag("route", r).publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void streamOpened() {
        activeStreams.incrementAndGet();
    }

    void streamClosed() {
        activeStreams.decrementAndGet();
    }
}
