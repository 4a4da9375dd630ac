package dev.bulwark.guard.filter;

import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.GuardConfigLoader;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Not a test (no timing assertions belong in tests): measures time to first token of streamed replies directly
 * from a local stub upstream and through a real gateway in front of it (Guard.start with a guard.yaml written to a
 * temp folder, every protection on, default policies), and the stream filter's CPU per chunk. The stub streams a
 * role chunk at once, then 5 content pieces 20 ms apart, like {@code bench}'s StubUpstream. TTFT is the time from
 * sending the request to the first SSE line with non-empty content.
 *
 * <p>Run: {@code java -cp guard/target/test-classes:guard/target/classes:<deps> dev.bulwark.guard.filter.TtftMeasurement [STREAMS]}
 */
public final class TtftMeasurement {
    private static final String[] PIECES = {"Our shop is open ", "Monday to Saturday ", "from 9am to 6pm. ",
            "Repairs usually take ", "two to three working days."};
    /** Distinct questions, as real traffic has (one repeated prompt is what the extraction monitor throttles). */
    private static String body(int i) {
        return "{\"model\":\"stub\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Question " + i + ": when is the shop open on day " + (i * 7919 % 1000) + "?\"}]}";
    }

    private static int SEQ;

    private TtftMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Vertx vertx = Vertx.vertx();
        HttpServer stub = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> stream(vertx, req.response(), 0)))
                .listen(0, "127.0.0.1").await();
        Path dir = Files.createTempDirectory("ttft");
        String key = "bench-key-" + System.nanoTime();
        String yaml = "listen: {host: 127.0.0.1, port: 0}\n"
                + "admin: {enabled: false}\n"
                + "upstreams: [{id: main, url: \"http://127.0.0.1:" + stub.actualPort() + "\"}]\n"
                + "clients: [{id: bench, keySha256: \"" + sha256(key) + "\", roles: [chat],"
                + " limits: {requestsPerMinute: 1000000, tokensPerDay: 100000000}}]\n"
                + "policies: {extraction: {maxRequests: 1000000, action: alert},"
                + " output: {systemPromptCanaries: [\"ZQ-CANARY-7Q4P-93KD\"]},"
                + " limits: {perIp: {requestsPerMinute: 1000000}, global: {requestsPerMinute: 1000000}}}\n"
                + "audit: {path: audit.jsonl}\n";
        Path file = dir.resolve("guard.yaml");
        Files.writeString(file, yaml);
        GuardConfig config = GuardConfigLoader.load(file, Map.of());
        RunningGuard guard = Guard.start(config);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String direct = "http://127.0.0.1:" + stub.actualPort() + "/v1/chat/completions";
            String gateway = guard.url() + "/v1/chat/completions";
            for (int round = 0; round < 2; round++) { // round 0 warms both paths up (JIT, connections, engine)
                long[][] d = measure(http, direct, null, round == 0 ? 50 : streams);
                long[][] g = measure(http, gateway, key, round == 0 ? 50 : streams);
                if (round == 1) {
                    report("direct ", streams, d);
                    report("gateway", streams, g);
                    System.out.printf("added ttft p50=%.1fms p99=%.1fms%n", ms(g[0], 50) - ms(d[0], 50), ms(g[0], 99) - ms(d[0], 99));
                }
            }
        } finally {
            guard.close();
            vertx.close().await();
        }
        chunkCpu();
    }

    /** The stream filter alone (default policy plus a canary), a reply fed word by word: microseconds per chunk. */
    private static void chunkCpu() {
        OutputFilter output = Filters.output(Replies.policy(List.of("ZQ-CANARY-7Q4P-93KD")));
        String reply = String.join("", PIECES) + " You can reach the front desk at +1 415 555 0132 or write to "
                + "jane.doe@example.com; Dr. Eleanor Whitfield handles warranty cases. Bring the receipt and the "
                + "serial number, and we will take care of the rest within the week.";
        var chunks = new ArrayList<String>();
        for (String w : reply.split("(?= )")) chunks.add(Replies.chunk(Replies.delta(w), null));
        var times = new ArrayList<Long>();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = 0;
        for (int round = 0; round < 3000; round++) {
            if (round == 1000) cpu0 = cpu.getCurrentThreadCpuTime();
            StreamFilter f = output.stream(Route.CHAT, Set.of());
            for (String c : chunks) {
                long t0 = System.nanoTime();
                f.onData(c);
                if (round >= 1000) times.add(System.nanoTime() - t0);
            }
            f.onData(Replies.chunk("{}", "\"stop\""));
        }
        double cpuPerChunk = (cpu.getCurrentThreadCpuTime() - cpu0) / (double) times.size();
        long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("stream filter CPU per chunk (thread CPU time, incl. JSON and the finish chunk): %.1fus%n", cpuPerChunk / 1e3);
        System.out.printf("stream filter per chunk (word-sized, %d chunks): mean=%.1fus p50=%.1fus p99=%.1fus max=%.1fus%n",
                t.length, Arrays.stream(t).average().orElse(0) / 1e3, t[t.length / 2] / 1e3, t[(int) (t.length * 0.99)] / 1e3,
                t[t.length - 1] / 1e3);
    }

    private static void report(String name, int streams, long[][] t) {
        System.out.printf("streams=%d %s ttft p50=%.1fms p99=%.1fms | first event (role chunk) p50=%.1fms p99=%.1fms"
                + " | whole stream p50=%.1fms%n", streams, name, ms(t[0], 50), ms(t[0], 99), ms(t[1], 50), ms(t[1], 99), ms(t[2], 50));
    }

    /** Sorted times to the first content, to the first event, to the end of the stream. */
    private static long[][] measure(HttpClient http, String url, String key, int count) throws Exception {
        long[] out = new long[count];
        long[] firstEvent = new long[count];
        long[] whole = new long[count];
        for (int i = 0; i < count; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(SEQ++)));
            if (key != null) b.header("authorization", "Bearer " + key);
            long t0 = System.nanoTime();
            HttpResponse<Stream<String>> res = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            if (res.statusCode() != 200) throw new IllegalStateException("status " + res.statusCode() + " from " + url);
            long[] first = {-1, -1};
            try (Stream<String> lines = res.body()) {
                lines.forEach(line -> {
                    if (first[1] < 0 && line.startsWith("data:")) first[1] = System.nanoTime() - t0;
                    if (first[0] < 0 && line.matches(".*\"content\":\"[^\"]+\".*")) first[0] = System.nanoTime() - t0;
                });
            }
            if (first[0] < 0) throw new IllegalStateException("no content from " + url);
            out[i] = first[0];
            firstEvent[i] = first[1];
            whole[i] = System.nanoTime() - t0;
        }
        Arrays.sort(out);
        Arrays.sort(firstEvent);
        Arrays.sort(whole);
        return new long[][] {out, firstEvent, whole};
    }

    private static double ms(long[] sorted, int percentile) {
        int at = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }

    private static void stream(Vertx vertx, HttpServerResponse res, int next) {
        if (next == 0) {
            res.setChunked(true).putHeader("content-type", "text/event-stream");
            res.write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        }
        if (next == PIECES.length) {
            res.write(chunk("{}", "stop"));
            res.end("data: [DONE]\n\n");
            return;
        }
        vertx.setTimer(20, t -> {
            res.write(chunk("{\"content\":\"" + PIECES[next] + "\"}", null));
            stream(vertx, res, next + 1);
        });
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
