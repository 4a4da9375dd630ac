package dev.bulwark.detect.pii;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall and F1 per entity type with span-overlap matching: a predicted entity is a true positive when
 * it overlaps a gold span of the same type; a gold span is found when some prediction of its type overlaps it.
 * Mutable accumulator for evaluation runs (the accuracy test and the bench runner), not for scanning.
 */
public final class Accuracy {
    /** A labelled span in a text. */
    public record Span(EntityType type, int start, int end) {
        boolean overlaps(int s, int e) {
            return start < e && s < end;
        }
    }

    /** Counts for one type: predictions that hit/missed, gold spans found/missed. */
    public record Counts(int truePositives, int falsePositives, int found, int missed) {
        public double precision() {
            int n = truePositives + falsePositives;
            return n == 0 ? Double.NaN : (double) truePositives / n;
        }

        public double recall() {
            int n = found + missed;
            return n == 0 ? Double.NaN : (double) found / n;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
        }

        public int gold() {
            return found + missed;
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives, found + o.found,
                    missed + o.missed);
        }
    }

    private final Map<EntityType, Counts> byType = new EnumMap<>(EntityType.class);

    /** Scores one text's predictions against its gold spans. */
    public void add(List<Span> gold, List<Entity> predicted) {
        for (Entity p : predicted) {
            boolean hit = gold.stream().anyMatch(g -> g.type() == p.type() && g.overlaps(p.start(), p.end()));
            merge(p.type(), new Counts(hit ? 1 : 0, hit ? 0 : 1, 0, 0));
        }
        for (Span g : gold) {
            boolean found = predicted.stream().anyMatch(p -> p.type() == g.type() && g.overlaps(p.start(), p.end()));
            merge(g.type(), new Counts(0, 0, found ? 1 : 0, found ? 0 : 1));
        }
    }

    private void merge(EntityType type, Counts c) {
        byType.merge(type, c, Counts::plus);
    }

    public Map<EntityType, Counts> byType() {
        return Map.copyOf(byType);
    }

    /** Micro-averaged over every type seen. */
    public Counts overall() {
        return byType.values().stream().reduce(new Counts(0, 0, 0, 0), Counts::plus);
    }

    public Counts of(EntityType type) {
        return byType.getOrDefault(type, new Counts(0, 0, 0, 0));
    }
}
