package dev.bulwark.kb;

/**
 * A protective control (book chapters 3–9): what to switch on, where the book discusses it, and the Bulwark
 * feature that provides it when there is one (e.g. {@code bulwark guard: auth}).
 */
public record Control(String id, String title, String description, String bookSection, String bulwarkFeature,
                      Kind kind) {
    public enum Kind { PREVENTIVE, DETECTIVE, CORRECTIVE }
}
