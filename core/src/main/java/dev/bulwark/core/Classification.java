package dev.bulwark.core;

import java.util.Locale;

/** Data classification of an asset (book §3.2): drives the impact of a scenario that touches it. */
public enum Classification {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
