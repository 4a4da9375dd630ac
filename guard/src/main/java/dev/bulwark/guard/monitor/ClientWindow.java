package dev.bulwark.guard.monitor;

import java.util.Arrays;

/**
 * Everything the monitor keeps about one client on this instance: bucketed counts, the distinct-prompt sampler,
 * the probing ring and when each condition last alerted. Bounded whatever the client sends; every method holds the
 * client's own lock for microseconds, never across I/O.
 */
final class ClientWindow {
    private final MonitorSettings settings;
    private final BucketCounts counts;
    private final DistinctSampler distinct;
    private final ProbeRing ring;
    private final long[] lastAlert = new long[Condition.values().length];

    ClientWindow(MonitorSettings settings, long secret) {
        this.settings = settings;
        this.counts = new BucketCounts(settings.buckets());
        this.distinct = new DistinctSampler(settings.distinctCapacity(), secret);
        this.ring = new ProbeRing(settings.ringSize());
        Arrays.fill(lastAlert, Long.MIN_VALUE);
    }

    /** Counts one request ({@code prompt} null when it carried no prompt text) and returns the window so far. */
    synchronized WindowStats record(PromptFeatures prompt, long bucket, int probeMinSample) {
        long oldest = bucket - settings.buckets() + 1;
        counts.add(bucket, prompt != null);
        if (prompt != null) {
            distinct.add(prompt.templateHash(), bucket, oldest);
            ring.add(prompt, bucket, oldest);
        }
        return new WindowStats(counts.requests(bucket), counts.prompted(bucket), distinct.estimate(oldest),
                ring.stats(oldest, probeMinSample));
    }

    /** True once per condition per window: the first time it is met, then again only a full window later. */
    synchronized boolean claimAlert(Condition condition, long bucket) {
        long last = lastAlert[condition.ordinal()];
        if (last != Long.MIN_VALUE && bucket - last < settings.buckets()) {
            return false;
        }
        lastAlert[condition.ordinal()] = bucket;
        return true;
    }
}
