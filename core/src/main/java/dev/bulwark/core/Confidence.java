package dev.bulwark.core;

import java.util.Locale;

/** How sure a check is: confirmed (proof observed, e.g. a canary came back), firm, or tentative (heuristic). */
public enum Confidence {
    CONFIRMED, FIRM, TENTATIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
