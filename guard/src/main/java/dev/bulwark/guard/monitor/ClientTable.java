package dev.bulwark.guard.monitor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The tracked clients, at most {@code maxClients}, least recently seen evicted first. Striped into independently
 * locked access-ordered maps so event-loop threads rarely wait on each other; each stripe is one short critical
 * section per request.
 */
final class ClientTable<V> {
    private static final int STRIPES = 16;
    private final Stripe<V>[] stripes;
    private final LongAdder evictions = new LongAdder();

    @SuppressWarnings("unchecked")
    ClientTable(int maxClients) {
        int stripes = Math.min(STRIPES, maxClients);
        this.stripes = new Stripe[stripes];
        int base = maxClients / stripes;
        int extra = maxClients % stripes;
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new Stripe<>(base + (i < extra ? 1 : 0), evictions);
        }
    }

    V get(String client, Function<String, V> create) {
        Stripe<V> stripe = stripes[Math.floorMod(Hashing.mix32(client.hashCode()), stripes.length)];
        synchronized (stripe) {
            return stripe.computeIfAbsent(client, create);
        }
    }

    int size() {
        int n = 0;
        for (Stripe<V> s : stripes) {
            synchronized (s) {
                n += s.size();
            }
        }
        return n;
    }

    long evictions() {
        return evictions.sum();
    }

    private static final class Stripe<V> extends LinkedHashMap<String, V> {
        private final int capacity;
        private final LongAdder evictions;

        Stripe(int capacity, LongAdder evictions) {
            super(16, 0.75f, true);
            this.capacity = capacity;
            this.evictions = evictions;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            boolean evict = size() > capacity;
            if (evict) {
                evictions.increment();
            }
            return evict;
        }
    }
}
