package dev.bulwark.guard.filter;

import dev.bulwark.guard.pipeline.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Adds up what one stage did to one request or reply: one {@link Decision} per detector and action, with the count
 * of things acted on, the highest score and the kinds involved (entity types, rule ids), never the text found.
 * Not thread-safe: one per request or stream.
 */
final class DecisionTally {
    /** Keeps a decision's detail short whatever a hostile reply holds. */
    private static final int MAX_DETAILS = 12;

    private final String stage;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    DecisionTally(String stage) {
        this.stage = stage;
    }

    void add(String detector, String action, int count, double score, String detail) {
        Entry e = entries.computeIfAbsent(detector + '\u0000' + action, k -> new Entry(detector, action));
        e.count += count;
        e.score = Math.max(e.score, score);
        if (detail != null && !detail.isEmpty() && e.details.size() < MAX_DETAILS) e.details.add(detail);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<Decision> decisions() {
        var out = new ArrayList<Decision>(entries.size());
        for (Entry e : entries.values()) {
            out.add(new Decision(stage, e.detector, e.action, e.score, e.count, String.join(",", e.details)));
        }
        return List.copyOf(out);
    }

    private static final class Entry {
        final String detector;
        final String action;
        final TreeSet<String> details = new TreeSet<>();
        int count;
        double score;

        Entry(String detector, String action) {
            this.detector = detector;
            this.action = action;
        }
    }
}
