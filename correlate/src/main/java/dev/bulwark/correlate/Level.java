package dev.bulwark.correlate;

import java.util.Locale;

/** Impact or likelihood on the book's two-level scale (§2.3 step 4), with medium kept for reporting nuance. */
public enum Level {
    HIGH, MEDIUM, LOW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
