package dev.bulwark.core;

import java.util.Locale;

/** Finding severity, ordered from most to least severe; bands follow CVSS 3.1 qualitative ratings. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** CVSS v3.1 qualitative rating of a base score (0.0 maps to INFO, the spec's "None"). */
    public static Severity fromCvss(double score) {
        if (score >= 9.0) return CRITICAL;
        if (score >= 7.0) return HIGH;
        if (score >= 4.0) return MEDIUM;
        if (score > 0.0) return LOW;
        return INFO;
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or info)");
        }
    }

    /** True when this severity is the same as or worse than {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
