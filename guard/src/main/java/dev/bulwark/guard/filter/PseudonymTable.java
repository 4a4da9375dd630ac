package dev.bulwark.guard.filter;

import dev.bulwark.detect.EntityType;
import dev.bulwark.guard.pipeline.Pseudonyms;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers one request's personal values per type in the order they first appear ({@code [EMAIL_1]},
 * {@code [PERSON_1]}, {@code [PERSON_2]} …): the same value gets the same placeholder in every message, so the model
 * can still tell "the sender" from "the person named in the attachment". Square brackets, not the redaction tags'
 * angle brackets, so that the output filter's HTML escaping leaves a placeholder the model repeats intact. Not
 * thread-safe: one per request.
 */
final class PseudonymTable {
    /** Made on the first value: every request builds a table, and most have nothing to put in it. */
    private Map<EntityType, Map<String, String>> byType;
    private Map<String, String> values;

    /** The placeholder standing for {@code value}, numbered on first sight. */
    String placeholderFor(EntityType type, String value) {
        if (byType == null) {
            byType = new EnumMap<>(EntityType.class);
            values = new HashMap<>();
        }
        Map<String, String> ofType = byType.computeIfAbsent(type, t -> new HashMap<>());
        String known = ofType.get(value);
        if (known != null) return known;
        String placeholder = "[" + type.name() + "_" + (ofType.size() + 1) + "]";
        ofType.put(value, placeholder);
        values.put(placeholder, value);
        return placeholder;
    }

    /** Whether {@code value} has a placeholder already. */
    boolean has(EntityType type, String value) {
        Map<String, String> ofType = byType == null ? null : byType.get(type);
        return ofType != null && ofType.containsKey(value);
    }

    Pseudonyms pseudonyms() {
        return values == null ? Pseudonyms.NONE : new Pseudonyms(values);
    }
}
