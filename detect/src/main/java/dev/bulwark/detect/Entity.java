package dev.bulwark.detect;

/** One detected value: its type, its span {@code [start, end)} in the scanned text, and a score in 0..1. */
public record Entity(EntityType type, int start, int end, double score) {
    public Entity {
        if (type == null) throw new IllegalArgumentException("type is required");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        if (score < 0.0 || score > 1.0) throw new IllegalArgumentException("score out of 0..1: " + score);
    }

    public int length() {
        return end - start;
    }
}
