package dev.bulwark.bench.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load for the gateway benchmarks (bench/gateway-overhead.sh), non-blocking on one event loop:
 * <ul>
 *   <li>{@code rate URL RATE SECONDS BODY [H=V...]}: open loop at a fixed rate; latency counted from when each
 *       request was due, so a stall shows in the tail instead of slowing the load down (coordinated omission)</li>
 *   <li>{@code pair DIRECT_URL GATEWAY_URL RATE SECONDS BODY [H=V...]}: the same open loop to both at once, the
 *       gateway's requests due half a period after the direct ones, each side in its own histogram: both tails are
 *       measured in the same seconds, so a stall of the machine lands in both instead of in one of two runs back to
 *       back (prints two lines, {@code direct ...} and {@code gateway ...}); with {@code -Dbaselines=NAME=URL,...}
 *       more targets (proxies in front of the same upstream that only relay) join the interleave, the k-th of the
 *       n targets due k / n of a period after the direct request, and a line {@code NAME ...} is printed for each</li>
 *   <li>{@code max URL SECONDS CONCURRENCY BODY [H=V...]}: closed loop, as fast as CONCURRENCY requests in flight
 *       allow: throughput</li>
 *   <li>{@code ttft URL COUNT BODY [H=V...]}: streamed requests one at a time; time to the first non-empty content
 *       delta</li>
 * </ul>
 * Prints one line of {@code key=value} pairs (times in microseconds). Every {@value #SEQUENCE} in the body becomes
 * the request's sequence number, so no two requests carry the same text (a gateway caching scores by text would
 * otherwise be measured on cache hits only).
 */
public final class LoadGenerator {
    static final String SEQUENCE = "#N#";

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI url = URI.create(args[1]);
        Vertx vertx = Vertx.vertx();
        try {
            Map<String, String> result = switch (mode) {
                case "rate" -> new Run(vertx, url, body(args[4]), headers(args, 5), 256)
                        .openLoop(Double.parseDouble(args[2]), Integer.parseInt(args[3]));
                case "pair" -> {
                    printPair(vertx, url, URI.create(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                            body(args[5]), headers(args, 6));
                    yield null;
                }
                case "max" -> {
                    Run run = new Run(vertx, url, body(args[4]), headers(args, 5), Integer.parseInt(args[3]));
                    run.warmUp();
                    yield run.closedLoop(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                }
                case "ttft" -> new Run(vertx, url, body(args[3]), headers(args, 4), 4)
                        .firstTokens(Integer.parseInt(args[2]));
                default -> throw new IllegalArgumentException("mode: rate | max | ttft");
            };
            if (result != null) System.out.println(line(mode, result));
        } finally {
            vertx.close().await();
        }
    }

    private static String line(String label, Map<String, String> result) {
        var line = new StringBuilder(label);
        result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return line.toString();
    }

    /**
     * The targets at {@code rate}, interleaved: request n to the direct URL at n / rate, to the gateway half a period
     * later — or, with baselines, the k-th of the n targets k / n of a period later, the gateway last.
     */
    private static void printPair(Vertx vertx, URI direct, URI gateway, double rate, int seconds, Buffer body,
                                  Map<String, String> headers) throws Exception {
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("direct", new Run(vertx, direct, body, headers, 256));
        for (String baseline : System.getProperty("baselines", "").split(",")) {
            if (baseline.isBlank()) continue;
            int eq = baseline.indexOf('=');
            runs.put(baseline.substring(0, eq), new Run(vertx, URI.create(baseline.substring(eq + 1)), body, headers, 256));
        }
        runs.put("gateway", new Run(vertx, gateway, body, headers, 256));
        Run[] together = runs.values().toArray(Run[]::new);
        for (Run run : together) {
            if (run != together[0]) run.closedLoop(Integer.getInteger("warmup", 4), 8);
        }
        int settle = Integer.getInteger("settle", 0);
        if (settle > 0) Run.pacedTogether(vertx, rate, settle, together);
        for (Run run : together) run.resetCounts();
        Run.awaitGo();
        long start = Run.pacedTogether(vertx, rate, seconds, together);
        runs.forEach((name, run) -> System.out.println(line(name, run.summary(start))));
    }

    private static Buffer body(String file) throws Exception {
        return Buffer.buffer(Files.readAllBytes(Path.of(file)));
    }

    private static Map<String, String> headers(String[] args, int from) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", "application/json");
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            h.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return h;
    }

    private static final class Run {
        private final Vertx vertx;
        private final HttpClient client;
        private final RequestOptions options;
        private final Buffer body;
        private final String template;
        private final AtomicLong sequence = new AtomicLong();
        private final Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong done = new AtomicLong();
        /** Requests the warm-up sent (and did not count), for per-request costs measured outside. */
        private long warm;

        Run(Vertx vertx, URI url, Buffer body, Map<String, String> headers, int connections) {
            this.vertx = vertx;
            this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(connections));
            this.options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                    .setPort(url.getPort()).setURI(url.getRawPath());
            headers.forEach(options::putHeader);
            this.body = body;
            String text = body.toString();
            this.template = text.contains(SEQUENCE) ? text : null;
        }

        private Buffer nextBody() {
            if (template == null) return body;
            return Buffer.buffer(template.replace(SEQUENCE, Long.toString(sequence.incrementAndGet())));
        }

        private Future<Buffer> send() {
            Buffer payload = nextBody();
            return client.request(options).compose(req -> req.send(payload)).compose(res -> res.body().map(b -> {
                if (res.statusCode() != 200) throw new IllegalStateException("status " + res.statusCode());
                return b;
            }));
        }

        /** JIT warm-up on both sides (a few seconds flat out), then the counters start from zero. */
        void warmUp() throws Exception {
            closedLoop(Integer.getInteger("warmup", 4), 8);
            settle();
        }

        private void settle() throws Exception {
            resetCounts();
            awaitGo();
        }

        private void resetCounts() {
            warm += done.get();
            latency.reset();
            errors.set(0);
            done.set(0);
        }

        /**
         * With {@code -Dready=FILE}: after the warm-up, create FILE and wait (up to a minute) until it is deleted, so
         * the caller can read the target's own counters between the warm-up and the measured requests.
         */
        private static void awaitGo() throws Exception {
            String ready = System.getProperty("ready");
            if (ready == null) return;
            Path file = Path.of(ready);
            Files.writeString(file, "warm\n");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (Files.exists(file) && System.nanoTime() < deadline) Thread.sleep(5);
        }

        /**
         * After the flat-out warm-up, {@code -Dsettle=SECONDS} (default 0) more at the measured rate, not counted: a
         * JVM keeps compiling (and deoptimising what the flat-out profile got wrong: queues that are never empty at
         * full load, branches a calm rate takes) for a minute or more at a moderate rate, and those compilations
         * share the target's cores with its event loop. A gateway in service runs for days; this measures that
         * steady state, on both sides alike.
         */
        Map<String, String> openLoop(double rate, int seconds) throws Exception {
            closedLoop(Integer.getInteger("warmup", 4), 8);
            int settle = Integer.getInteger("settle", 0);
            if (settle > 0) paced(rate, settle);
            settle();
            return summary(paced(rate, seconds));
        }

        /** Sends {@code rate * seconds} requests, each due at its own time; returns when they all came back. */
        private long paced(double rate, int seconds) throws Exception {
            return pacedTogether(vertx, rate, seconds, this);
        }

        /**
         * Each run sends {@code rate * seconds} requests; run k's request n is due at (n + k / runs) / rate. Returns
         * the start time once every request came back.
         */
        static long pacedTogether(Vertx vertx, double rate, int seconds, Run... runs) throws Exception {
            long start = System.nanoTime();
            long total = (long) (rate * seconds);
            long period = (long) (1e9 / rate);
            var finished = new CompletableFuture<Void>();
            var outstanding = new AtomicLong(total * runs.length);
            var issued = new AtomicLong();
            vertx.setPeriodic(1, id -> {
                long elapsed = System.nanoTime() - start;
                while (issued.get() < total * runs.length) {
                    long i = issued.get();
                    long n = i / runs.length;
                    int k = (int) (i % runs.length);
                    long dueAt = start + (long) (n / rate * 1e9) + period * k / runs.length;
                    if (dueAt - start > elapsed) break;
                    issued.incrementAndGet();
                    Run run = runs[k];
                    run.send().onComplete(ar -> {
                        if (ar.succeeded()) run.latency.recordValue(Math.max(0, (System.nanoTime() - dueAt) / 1000));
                        else run.errors.incrementAndGet();
                        run.done.incrementAndGet();
                        if (outstanding.decrementAndGet() == 0) finished.complete(null);
                    });
                }
                if (issued.get() >= total * runs.length) vertx.cancelTimer(id);
            });
            finished.get();
            return start;
        }

        Map<String, String> closedLoop(int seconds, int concurrency) throws Exception {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            var finished = new CompletableFuture<Void>();
            var running = new AtomicLong(concurrency);
            vertx.runOnContext(v -> {
                for (int i = 0; i < concurrency; i++) loop(end, running, finished);
            });
            finished.get();
            return summary(start);
        }

        private void loop(long end, AtomicLong running, CompletableFuture<Void> finished) {
            if (System.nanoTime() >= end) {
                if (running.decrementAndGet() == 0) finished.complete(null);
                return;
            }
            long t0 = System.nanoTime();
            send().onComplete(ar -> {
                if (ar.succeeded()) latency.recordValue((System.nanoTime() - t0) / 1000);
                else errors.incrementAndGet();
                done.incrementAndGet();
                loop(end, running, finished);
            });
        }

        Map<String, String> firstTokens(int count) throws Exception {
            long start = System.nanoTime();
            for (int i = -count / 4; i < count; i++) { // the first quarter warms up and is not counted
                if (i == 0) {
                    resetCounts();
                    awaitGo();
                    start = System.nanoTime();
                }
                var first = new CompletableFuture<Long>();
                long t0 = System.nanoTime();
                client.request(options).compose(req -> req.send(body)).onSuccess(res -> {
                    StringBuilder seen = new StringBuilder();
                    res.handler(b -> {
                        seen.append(b.toString());
                        // the first delta with text in it, not the role-only opening chunk
                        if (!first.isDone() && seen.toString().matches("(?s).*\"content\":\"[^\"]+\".*")) {
                            first.complete(System.nanoTime() - t0);
                        }
                    });
                    res.endHandler(v -> first.complete(-1L));
                }).onFailure(first::completeExceptionally);
                try {
                    long ns = first.get();
                    if (ns < 0) errors.incrementAndGet();
                    else latency.recordValue(ns / 1000);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                done.incrementAndGet();
                Thread.sleep(20); // let the stream finish before the next one
            }
            return summary(start);
        }

        private Map<String, String> summary(long start) {
            double secs = (System.nanoTime() - start) / 1e9;
            Map<String, String> m = new LinkedHashMap<>();
            m.put("requests", Long.toString(done.get()));
            m.put("errors", Long.toString(errors.get()));
            m.put("rps", String.format(Locale.ROOT, "%.0f", done.get() / secs));
            m.put("p50", Long.toString(latency.getValueAtPercentile(50)));
            m.put("p90", Long.toString(latency.getValueAtPercentile(90)));
            m.put("p99", Long.toString(latency.getValueAtPercentile(99)));
            m.put("p999", Long.toString(latency.getValueAtPercentile(99.9)));
            m.put("max", Long.toString(latency.getMaxValue()));
            m.put("warm", Long.toString(warm));
            return m;
        }
    }
}
