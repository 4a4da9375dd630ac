package dev.bulwark.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Picks non-overlapping entities: the best first (higher score, then longer, then earlier), the rest fit around. */
final class Overlaps {
    private static final Comparator<Entity> BEST_FIRST = Comparator.comparingDouble(Entity::score).reversed()
            .thenComparing(Comparator.comparingInt(Entity::length).reversed())
            .thenComparingInt(Entity::start);

    private Overlaps() {
    }

    static List<Entity> resolve(List<Entity> candidates) {
        if (candidates.isEmpty()) return List.of();
        var ranked = new ArrayList<>(candidates);
        ranked.sort(BEST_FIRST);
        var kept = new TreeMap<Integer, Entity>(); // by start; kept spans never overlap, so neighbours suffice
        for (Entity e : ranked) {
            if (e.length() == 0) continue;
            Map.Entry<Integer, Entity> before = kept.floorEntry(e.start());
            if (before != null && before.getValue().end() > e.start()) continue;
            Map.Entry<Integer, Entity> after = kept.ceilingEntry(e.start());
            if (after != null && after.getKey() < e.end()) continue;
            kept.put(e.start(), e);
        }
        return List.copyOf(kept.values());
    }
}
