package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/** Batch redaction: rewrites the entity spans of a text and copies everything else unchanged. */
public final class Redaction {
    private Redaction() {
    }

    /**
     * {@code text} with each entity's span replaced by {@code operator}'s output; every character outside the
     * spans is copied as it was. Entities may come in any order; one that overlaps an earlier one is skipped.
     *
     * @throws IllegalArgumentException when an entity lies outside the text
     */
    public static String apply(String text, List<Entity> entities, RedactionOperator operator) {
        return apply(text, entities, operator::apply);
    }

    /** Scans {@code text} with {@code scanner} and redacts what it found. */
    public static String redact(String text, EntityScanner scanner, RedactionOperator operator) {
        return apply(text, scanner.scan(text), operator);
    }

    /**
     * {@code text} with each entity's span replaced by {@code replacement} of its type and original value (a
     * caller's own scheme, such as numbered placeholders); otherwise as
     * {@link #apply(String, List, RedactionOperator)}.
     */
    public static String apply(String text, List<Entity> entities, BiFunction<EntityType, String, String> replacement) {
        if (entities.isEmpty()) return text;
        List<Entity> ordered = entities.stream().sorted(Comparator.comparingInt(Entity::start)).toList();
        var out = new StringBuilder(text.length() + 16 * ordered.size());
        int at = 0;
        for (Entity e : ordered) {
            if (e.end() > text.length()) {
                throw new IllegalArgumentException("entity [" + e.start() + ", " + e.end() + ") outside a text of "
                        + text.length() + " characters");
            }
            if (e.start() < at) continue;
            out.append(text, at, e.start()).append(replacement.apply(e.type(), text.substring(e.start(), e.end())));
            at = e.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
