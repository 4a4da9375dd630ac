package dev.bulwark.guard.filter;

import dev.bulwark.detect.injection.InjectionScore;
import dev.bulwark.detect.injection.TextSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the injection scores of recent short texts. An app sends the same system prompt (and often the same
 * few-shot examples) with every request, and with the learned model each costs ~10 ms of CPU to score again; the
 * score is a pure function of the text and its source, so a hit is exact, and hostile traffic can only evict entries,
 * never change a score. Bounded in entries and in text length; least recently used first out. Thread-safe.
 */
final class ScoreCache implements InjectionScorer {
    static final int MAX_ENTRIES = 256;
    /** Longer texts are scored every time: they are rarely repeated and would make the cache large. */
    static final int MAX_TEXT_CHARS = 4096;

    private final InjectionScorer scorer;
    private final Map<Key, InjectionScore> recent = new LinkedHashMap<>(MAX_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, InjectionScore> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    ScoreCache(InjectionScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public InjectionScore score(String text, TextSource source) {
        if (text.length() > MAX_TEXT_CHARS) return scorer.score(text, source);
        Key key = new Key(text, source);
        synchronized (recent) {
            InjectionScore known = recent.get(key);
            if (known != null) return known;
        }
        InjectionScore score = scorer.score(text, source); // outside the lock: two threads may both score a text once
        synchronized (recent) {
            recent.put(key, score);
        }
        return score;
    }

    private record Key(String text, TextSource source) {
    }
}
