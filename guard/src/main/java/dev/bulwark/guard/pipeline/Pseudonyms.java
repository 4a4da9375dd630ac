package dev.bulwark.guard.pipeline;

import java.util.Map;

/**
 * The personal values one request sent, by the numbered placeholder that stood in for each of them upstream
 * ({@code policies.input.pii: pseudonymize}): the reply gets these values back where it repeats a placeholder, and
 * only these, so a reply can never show a user anything but what the same request held. Immutable; one per request.
 *
 * @param byPlaceholder original value by placeholder ({@code [EMAIL_1]} → {@code maria@example.com})
 */
public record Pseudonyms(Map<String, String> byPlaceholder) {
    public static final Pseudonyms NONE = new Pseudonyms(Map.of());

    public Pseudonyms {
        byPlaceholder = Map.copyOf(byPlaceholder);
    }

    public boolean isEmpty() {
        return byPlaceholder.isEmpty();
    }

    /** The value {@code placeholder} stood for, or null. */
    public String valueOf(String placeholder) {
        return byPlaceholder.get(placeholder);
    }

    /** Never the values: they are personal data. */
    @Override
    public String toString() {
        return "Pseudonyms[" + byPlaceholder.size() + " placeholders]";
    }
}
