package dev.bulwark.guard.monitor;

/**
 * Request counts of one client over the sliding window, in a fixed ring of sub-window buckets: memory stays the
 * same whatever the traffic, and the window slides one bucket at a time. Not thread-safe (its {@link ClientWindow}
 * guards it).
 */
final class BucketCounts {
    private final int[] requests;
    private final int[] prompted;
    private long lastBucket = Long.MIN_VALUE;

    BucketCounts(int buckets) {
        requests = new int[buckets];
        prompted = new int[buckets];
    }

    /** Counts one request in {@code bucket} (an absolute bucket number: time divided by the bucket width). */
    void add(long bucket, boolean withPrompt) {
        advanceTo(bucket);
        if (bucket < lastBucket - requests.length + 1) {
            return; // older than the window: the clock went back further than the window
        }
        int slot = slot(bucket);
        requests[slot] = saturatedIncrement(requests[slot]);
        if (withPrompt) {
            prompted[slot] = saturatedIncrement(prompted[slot]);
        }
    }

    long requests(long bucket) {
        advanceTo(bucket);
        return sum(requests);
    }

    long prompted(long bucket) {
        advanceTo(bucket);
        return sum(prompted);
    }

    private void advanceTo(long bucket) {
        if (lastBucket == Long.MIN_VALUE || bucket - lastBucket >= requests.length) {
            if (lastBucket == Long.MIN_VALUE || bucket > lastBucket) {
                java.util.Arrays.fill(requests, 0);
                java.util.Arrays.fill(prompted, 0);
                lastBucket = bucket;
            }
            return;
        }
        for (long b = lastBucket + 1; b <= bucket; b++) {
            int slot = slot(b);
            requests[slot] = 0;
            prompted[slot] = 0;
        }
        if (bucket > lastBucket) {
            lastBucket = bucket;
        }
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) requests.length);
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    private static int saturatedIncrement(int v) {
        return v == Integer.MAX_VALUE ? v : v + 1;
    }
}
