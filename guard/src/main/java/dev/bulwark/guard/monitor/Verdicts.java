package dev.bulwark.guard.monitor;

import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.pipeline.ExtractionMonitor.Level;
import dev.bulwark.guard.pipeline.ExtractionMonitor.MonitorVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a client's window stats into the conditions it meets and the policy's verdict. Stateless. */
final class Verdicts {
    /** THROTTLE waits at least this long, growing with how far over the threshold the client is ... */
    static final long MIN_DELAY_MILLIS = 250;
    /** ... up to this. */
    static final long MAX_DELAY_MILLIS = 5_000;

    private final ExtractionPolicy policy;
    private final int probeMinSample;

    Verdicts(ExtractionPolicy policy, int probeMinSample) {
        this.policy = policy;
        this.probeMinSample = probeMinSample;
    }

    int probeMinSample() {
        return probeMinSample;
    }

    /** The conditions {@code stats} meet, with their measured value and threshold. */
    List<Finding> findings(WindowStats stats) {
        List<Finding> found = new ArrayList<>(3);
        if (stats.requests() > policy.maxRequests()) {
            found.add(new Finding(Condition.VOLUME, stats.requests(), policy.maxRequests(),
                    (double) (stats.requests() - policy.maxRequests()) / Math.max(1, policy.maxRequests()), ""));
        }
        double ratio = stats.distinctRatio();
        if (stats.prompted() >= Math.max(1, policy.minSample()) && ratio < policy.minDistinctRatio()) {
            found.add(new Finding(Condition.LOW_DIVERSITY, ratio, policy.minDistinctRatio(),
                    (policy.minDistinctRatio() - ratio) / policy.minDistinctRatio(),
                    " (~" + stats.distinct() + " distinct of " + stats.prompted() + ")"));
        }
        ProbeRing.ProbeStats probe = stats.probe();
        if (probe.sample() >= probeMinSample && probe.score() > policy.maxProbeScore()) {
            found.add(new Finding(Condition.PROBING, probe.score(), policy.maxProbeScore(),
                    (probe.score() - policy.maxProbeScore()) / Math.max(1e-6, 1 - policy.maxProbeScore()),
                    " (" + probe.enumerations() + " enumeration steps, " + probe.slotProbes() + " slot probes in the last "
                            + probe.sample() + " prompts)"));
        }
        return found;
    }

    /** The verdict for what was found: NONE when nothing, else the policy's action with every reason. */
    MonitorVerdict verdict(List<Finding> found) {
        if (found.isEmpty()) {
            return MonitorVerdict.NONE;
        }
        StringBuilder reason = new StringBuilder();
        double excess = 0;
        for (Finding f : found) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(reason(f.condition(), f.value(), f.threshold(), policy.window())).append(f.detail());
            excess = Math.max(excess, f.excess());
        }
        return switch (policy.action()) {
            case ALERT -> new MonitorVerdict(Level.ALERT, reason.toString(), 0);
            case BLOCK -> new MonitorVerdict(Level.BLOCK, reason.toString(), 0);
            case THROTTLE -> new MonitorVerdict(Level.THROTTLE, reason.toString(), delayMillis(excess));
        };
    }

    /** Linear in how far over (as a fraction of the threshold), from the minimum to the cap at twice the limit. */
    static long delayMillis(double excess) {
        double e = Math.max(0, Math.min(1, excess));
        return Math.round(MIN_DELAY_MILLIS + e * (MAX_DELAY_MILLIS - MIN_DELAY_MILLIS));
    }

    static String reason(Condition condition, double value, double threshold, Duration window) {
        String w = window(window);
        return switch (condition) {
            case VOLUME -> String.format(Locale.ROOT, "volume: %d requests > %d in %s", (long) value, (long) threshold, w);
            case LOW_DIVERSITY -> String.format(Locale.ROOT, "low-diversity: distinct-prompt ratio %.2f < %.2f in %s",
                    value, threshold, w);
            case PROBING -> String.format(Locale.ROOT, "probing: probe score %.2f > %.2f in %s", value, threshold, w);
        };
    }

    /** "1h", "10m", "30s" or "1500ms": short and unambiguous in a log line. */
    static String window(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }

    static Set<Condition> conditions(List<Finding> found) {
        Set<Condition> set = EnumSet.noneOf(Condition.class);
        found.forEach(f -> set.add(f.condition()));
        return set;
    }

    /**
     * One condition met.
     *
     * @param excess how far over, as a fraction of the threshold (drives the THROTTLE delay)
     * @param detail numbers only, appended to the reason
     */
    record Finding(Condition condition, double value, double threshold, double excess, String detail) {
    }
}
