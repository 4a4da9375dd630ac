package dev.bulwark.guard.monitor;

import java.util.Arrays;

/**
 * Estimates how many distinct prompts a client sent in the window, in bounded memory: exact up to {@code capacity}
 * distinct prompts, then adaptive distinct sampling (Gibbons): only hashes whose lowest {@code level} bits are zero
 * are kept, each level halving the sample, and the estimate is the kept count times {@code 2^level}. Each kept hash
 * remembers the bucket it was last seen in so it leaves the window on time. Hashes are re-mixed with a per-process
 * secret so a client cannot choose prompts that all fall out of (or into) the sample. Not thread-safe.
 */
final class DistinctSampler {
    private static final int INITIAL = 8;
    private final int capacity;
    private final long secret;
    private long[] hashes = new long[INITIAL];
    private long[] lastSeen = new long[INITIAL];
    private int size;
    private int level;

    DistinctSampler(int capacity, long secret) {
        this.capacity = capacity;
        this.secret = secret;
    }

    void add(long promptHash, long bucket, long oldestBucket) {
        expire(oldestBucket);
        long h = Hashing.finish(promptHash ^ secret);
        if (!sampled(h)) {
            return;
        }
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h) {
                lastSeen[i] = Math.max(lastSeen[i], bucket);
                return;
            }
        }
        if (size == hashes.length) {
            int grown = Math.min(capacity + 1, hashes.length * 2);
            hashes = Arrays.copyOf(hashes, grown);
            lastSeen = Arrays.copyOf(lastSeen, grown);
        }
        hashes[size] = h;
        lastSeen[size] = bucket;
        size++;
        while (size > capacity) {
            level++;
            retain(true, 0);
        }
    }

    /** The estimated number of distinct prompts seen in buckets {@code >= oldestBucket}. */
    long estimate(long oldestBucket) {
        expire(oldestBucket);
        return (long) size << level;
    }

    private boolean sampled(long h) {
        return level == 0 || Long.numberOfTrailingZeros(h) >= level;
    }

    private void expire(long oldestBucket) {
        retain(false, oldestBucket);
        if (size == 0) {
            level = 0;
        }
    }

    /** Keeps the entries still sampled at the current level ({@code bySample}) or still in the window. */
    private void retain(boolean bySample, long oldestBucket) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            boolean keep = bySample ? sampled(hashes[i]) : lastSeen[i] >= oldestBucket;
            if (keep) {
                hashes[kept] = hashes[i];
                lastSeen[kept] = lastSeen[i];
                kept++;
            }
        }
        size = kept;
    }
}
