package dev.bulwark.guard.limit;

import io.github.bucket4j.Bucket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map of buckets that forgets the least recently used one when full: an attacker cycling through many
 * source addresses costs a bounded amount of memory (the forgotten address simply starts with a full bucket again).
 */
final class LruBuckets {
    private final int maxEntries;
    private final LinkedHashMap<String, Bucket> buckets;

    LruBuckets(int maxEntries) {
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be positive");
        this.maxEntries = maxEntries;
        this.buckets = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > LruBuckets.this.maxEntries;
            }
        };
    }

    synchronized Bucket get(String key, Function<String, Bucket> create) {
        return buckets.computeIfAbsent(key, create);
    }

    synchronized int size() {
        return buckets.size();
    }

    synchronized boolean contains(String key) {
        return buckets.containsKey(key);
    }
}
