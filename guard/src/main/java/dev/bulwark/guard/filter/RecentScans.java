package dev.bulwark.guard.filter;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.TextSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers what the input scanners found in each client's recent short texts. An app sends the same system prompt
 * (and often the same few-shot examples) with every request: scoring it again costs ~6-9 ms of CPU with the learned
 * model and, with the rules and the PII and secret recognizers, about half of what the gateway spends on an ordinary
 * 1 KB chat request. What the scanners find is a pure function of the text (and whether and how it is read for
 * injection), so a hit is exact, and hostile traffic can only evict entries, never change a result. Entries belong to
 * one client: a hit answers sooner, and no client may learn by timing which texts another one sent. Bounded in
 * entries and in text length; least recently used first out. Thread-safe.
 */
final class RecentScans {
    static final int MAX_ENTRIES = 256;
    /** Longer texts are scanned every time: they are rarely repeated and would make the cache large. */
    static final int MAX_TEXT_CHARS = 4096;

    private final Map<Key, Scanned> recent = new LinkedHashMap<>(MAX_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Scanned> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * What the scanners found in {@code text} for {@code client}: remembered, or from {@code scan}.
     *
     * @param source how the text is read for injection, null when it is not
     */
    Scanned get(String client, String text, TextSource source, Supplier<Scanned> scan) {
        if (text.length() > MAX_TEXT_CHARS) return scan.get();
        var key = new Key(client, text, source);
        synchronized (recent) {
            Scanned known = recent.get(key);
            if (known != null) return known;
        }
        Scanned found = scan.get(); // outside the lock: two threads may both scan a text once
        synchronized (recent) {
            recent.put(key, found);
        }
        return found;
    }

    /**
     * @param injection the injection score, null when the text is not read for injection
     * @param entities  PII and secrets found, in order
     */
    record Scanned(InjectionScore injection, List<Entity> entities) {
        Scanned {
            entities = List.copyOf(entities);
        }
    }

    private record Key(String client, String text, TextSource source) {
    }
}
