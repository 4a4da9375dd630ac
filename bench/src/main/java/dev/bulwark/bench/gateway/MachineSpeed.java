package dev.bulwark.bench.gateway;

import dev.bulwark.bench.InjectionBench;
import dev.bulwark.detect.injection.InjectionDetector;
import dev.bulwark.detect.injection.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * How fast the machine is today, so gateway numbers from different sessions can be read side by side: on a shared
 * box the same code has cost three times as much CPU per request one day as another. Times fixed work on one thread
 * (run it where the gateway runs: bench/gateway-overhead.sh pins it to the gateway's core) after a warm-up, and
 * prints one line of medians in microseconds: the rules-only injection detector on InjectionBench's 1 KB ordinary
 * prompt, back to back and once every 5 ms (the pace of a 200 req/s run: the core idles in between, and on a shared
 * virtual machine the same call then costs up to three times as much, caches and predictors cold), and the two
 * encoders the learned model uses on the same text; then the processor (the box is not always the same model: ONNX
 * Runtime's int8 kernels are several times faster with AVX-512 VNNI than with AVX2 alone).
 */
public final class MachineSpeed {
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final long PACE_NANOS = 5_000_000L;
    private static final int PACED_CALLS = 600;

    private MachineSpeed() {
    }

    public static void main(String[] args) {
        String text = InjectionBench.prompt("benign");
        InjectionDetector rules = InjectionDetector.rulesOnly();
        SentenceEncoder full = SentenceEncoder.miniLm();
        SentenceEncoder screen = SentenceEncoder.miniLmScreen();
        System.out.printf(Locale.ROOT,
                "machine rules1k_us=%d rules1k_paced_us=%d screen_encoder_us=%d full_encoder_us=%d cpu=%s%n",
                medianMicros(() -> rules.score(text)), pacedMedianMicros(() -> rules.score(text)),
                medianMicros(() -> screen.embed(text)), medianMicros(() -> full.embed(text)), processor());
    }

    /** "family-model[+avx512vnni]" from /proc/cpuinfo, or "unknown". */
    static String processor() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            Map<String, String> first = new HashMap<>();
            lines.takeWhile(line -> !line.isBlank()).forEach(line -> {
                int colon = line.indexOf(':');
                if (colon > 0) first.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            });
            boolean vnni = (" " + first.getOrDefault("flags", "") + " ").contains(" avx512_vnni ");
            return first.getOrDefault("cpu family", "?") + "-" + first.getOrDefault("model", "?") + (vnni ? "+avx512vnni" : "");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    /** The median duration of {@code work} called once every {@link #PACE_NANOS} (already warm), the thread parked between. */
    static long pacedMedianMicros(Runnable work) {
        long[] samples = new long[PACED_CALLS];
        for (int i = 0; i < samples.length; i++) {
            LockSupport.parkNanos(PACE_NANOS);
            long start = System.nanoTime();
            work.run();
            samples[i] = System.nanoTime() - start;
        }
        return medianMicros(samples, samples.length);
    }

    /** The median duration of {@code work} over {@link #MEASURE_NANOS} of calls, after {@link #WARM_UP_NANOS} of them. */
    static long medianMicros(Runnable work) {
        long warmEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmEnd) work.run();
        long[] samples = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + MEASURE_NANOS;
        while (n < samples.length && System.nanoTime() < end) {
            long start = System.nanoTime();
            work.run();
            samples[n++] = System.nanoTime() - start;
        }
        return medianMicros(samples, n);
    }

    /** The median of the first {@code n} samples (nanoseconds), in microseconds. */
    private static long medianMicros(long[] samples, int n) {
        Arrays.sort(samples, 0, n);
        return samples[n / 2] / 1000;
    }
}
