package dev.bulwark.detect;

import dev.bulwark.detect.pii.PiiRecognizers;
import dev.bulwark.detect.secret.SecretRecognizers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PII and secrets engine: runs every recognizer over one shared {@link ScanText} (lower-cased once), drops
 * candidates scored under the threshold, resolves overlaps (higher score wins, then the longer span) and returns
 * the entities sorted by position. Immutable and thread-safe; texts over the input limit are refused with
 * {@link InputTooLargeException}, never cut silently.
 */
public final class EntityEngine implements EntityScanner {
    /** Scores under this are dropped by default: a bare pattern match without validation or context. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_MAX_INPUT = Text.MAX_CHARS;

    private static final EntityEngine STANDARD = builder().build();

    private final List<Recognizer> recognizers;
    private final double threshold;
    private final int maxInput;
    private final Set<EntityType> types;
    private final int maxSpan;

    private EntityEngine(Builder b) {
        this.recognizers = List.copyOf(b.recognizers);
        this.threshold = b.threshold;
        this.maxInput = b.maxInput;
        this.types = Set.copyOf(b.types);
        this.maxSpan = recognizers.stream().mapToInt(Recognizer::maxSpan).max().orElse(0);
    }

    /** All PII and secret recognizers, default threshold and input limit. */
    public static EntityEngine standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<Entity> scan(String text) {
        if (text == null || text.isEmpty()) return List.of();
        if (text.length() > maxInput) throw new InputTooLargeException(text.length(), maxInput);
        ScanText scanText = ScanText.of(text, threshold);
        var candidates = new ArrayList<Entity>();
        for (Recognizer r : recognizers) r.scan(scanText, candidates);
        candidates.removeIf(e -> e.score() < threshold || !types.contains(e.type()));
        return Overlaps.resolve(candidates);
    }

    @Override
    public int maxSpan() {
        return maxSpan;
    }

    /**
     * The earliest position any recognizer says may still change. Only the last {@code maxSpan} characters are
     * looked at (what a recognizer reads around a value fits in them), so the cost per call is bounded.
     */
    @Override
    public int unsettledFrom(String text) {
        int floor = Math.max(0, text.length() - maxSpan);
        if (text.length() == floor) return floor;
        ScanText tail = ScanText.of(text.substring(floor), threshold);
        int from = tail.length();
        for (Recognizer r : recognizers) {
            from = Math.min(from, r.unsettledFrom(tail));
            if (from == 0) break;
        }
        return floor + Math.max(0, from);
    }

    public double threshold() {
        return threshold;
    }

    public int maxInput() {
        return maxInput;
    }

    /** Settings checked once, when the engine is built. */
    public static final class Builder {
        private List<Recognizer> recognizers = Stream.concat(
                PiiRecognizers.standard().stream(), SecretRecognizers.standard().stream()).toList();
        private double threshold = DEFAULT_THRESHOLD;
        private int maxInput = DEFAULT_MAX_INPUT;
        private Set<EntityType> types = EnumSet.allOf(EntityType.class);

        private Builder() {
        }

        /** Drops entities scored under {@code threshold} (0..1). */
        public Builder threshold(double threshold) {
            if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in 0..1: " + threshold);
            this.threshold = threshold;
            return this;
        }

        /** Longest text {@link #scan} accepts, in chars. */
        public Builder maxInput(int chars) {
            if (chars < 1) throw new IllegalArgumentException("maxInput must be positive: " + chars);
            this.maxInput = chars;
            return this;
        }

        /** Reports only these types (the others still compete for overlaps before being dropped). */
        public Builder types(Set<EntityType> types) {
            if (types.isEmpty()) throw new IllegalArgumentException("at least one entity type is required");
            this.types = EnumSet.copyOf(types);
            return this;
        }

        /** Replaces the recognizers (e.g. the standard ones plus a custom one). */
        public Builder recognizers(List<Recognizer> recognizers) {
            if (recognizers.isEmpty()) throw new IllegalArgumentException("at least one recognizer is required");
            this.recognizers = List.copyOf(recognizers);
            return this;
        }

        public EntityEngine build() {
            return new EntityEngine(this);
        }
    }
}
