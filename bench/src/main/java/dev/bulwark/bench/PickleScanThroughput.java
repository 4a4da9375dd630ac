package dev.bulwark.bench;

import dev.bulwark.supply.model.Head;
import dev.bulwark.supply.model.ModelInput;
import dev.bulwark.supply.model.ModelIssue;
import dev.bulwark.supply.model.ScanContext;
import dev.bulwark.supply.model.ScanLimits;
import dev.bulwark.supply.model.pickle.PickleReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pickle opcode scanning throughput: scans each file with {@link PickleReader} (the whole pipeline: recognition,
 * simulation, policy) and prints MB/s for the first, cold pass (one JVM, nothing warmed) and the best of the
 * following warm passes (each at least a second long, repeating the scan as often as that takes), by wall time and
 * by process CPU time, plus the maximum heap. Run with -Xmx64m by bench/pickle-throughput.sh, which compares the
 * numbers with Python's pickletools.genops on the same files. Usage: PickleScanThroughput PASSES FILE...
 */
public final class PickleScanThroughput {
    /** Process CPU time (all threads: JIT and GC included), so a busy shared machine skews the numbers less. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private PickleScanThroughput() {
    }

    private static final class Counting implements ScanContext {
        final List<ModelIssue> issues = new ArrayList<>();

        @Override
        public void report(ModelIssue issue) {
            issues.add(issue);
        }

        @Override
        public void scanNested(ModelInput member) {
        }

        @Override
        public ScanLimits limits() {
            return ScanLimits.defaults();
        }

        @Override
        public boolean spend(long expandedBytes) {
            return true;
        }
    }

    /** Shortest warm pass; a pass repeats the scan of its file until this much wall time went by. */
    private static final long WARM_NANOS = 1_000_000_000L;

    /**
     * What is timed: reading the file's head, recognising it as a pickle and {@link PickleReader#read} (opening the
     * file, simulating every pickle in it, rating every import); no sha256 (the report's hashing is not scanning).
     * Returns the number of issues reported.
     */
    private static int scanOnce(PickleReader reader, Path file, long size) throws IOException {
        ModelInput input = ModelInput.of(file);
        byte[] head;
        try (InputStream in = input.open()) {
            head = in.readNBytes(Head.SIZE);
        }
        Counting context = new Counting();
        Head h = new Head(head, size);
        if (!reader.recognizes(h)) throw new IllegalStateException(file + " is not recognised as a pickle");
        reader.read(input, h, context);
        return context.issues.size();
    }

    public static void main(String[] args) throws IOException {
        int passes = Integer.parseInt(args[0]);
        PickleReader reader = new PickleReader();
        for (int a = 1; a < args.length; a++) {
            Path file = Path.of(args[a]);
            long size = Files.size(file);
            double cold = 0;
            double best = 0;
            double coldCpu = 0;
            double bestCpu = 0;
            int issues = -1;
            for (int pass = 0; pass < passes; pass++) {
                // a warm pass repeats the scan for at least WARM_NANOS: a scan that skips its payloads takes about a
                // millisecond, below what one reading of the clocks can tell (process CPU time ticks every 10 ms)
                long minNanos = pass == 0 ? 0 : WARM_NANOS;
                long cpuStart = PROCESS.getProcessCpuTime();
                long start = System.nanoTime();
                long scans = 0;
                long elapsed;
                do {
                    issues = scanOnce(reader, file, size);
                    scans++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < minNanos);
                double seconds = elapsed / 1e9;
                double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9;
                double mbps = scans * size / 1e6 / seconds;
                double cpuMbps = scans * size / 1e6 / Math.max(cpuSeconds, 1e-6);
                if (pass == 0) {
                    cold = mbps;
                    coldCpu = cpuMbps;
                } else {
                    best = Math.max(best, mbps);
                    bestCpu = Math.max(bestCpu, cpuMbps);
                }
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "java %s %.1f MB cold %.1f MB/s warm %.1f MB/s cpu-cold %.1f MB/s cpu-warm %.1f"
                    + " MB/s issues %d heap-max %d MiB%n", file.getFileName(), size / 1e6, cold, best, coldCpu, bestCpu,
                    issues, rt.maxMemory() >> 20);
        }
    }
}
