package dev.bulwark.correlate;

/**
 * The book's four-quadrant risk matrix (§2.3 step 4): high impact and likelihood → act now; high impact, low
 * likelihood → plan a mitigation; low impact, high likelihood → accept and monitor; both low → document.
 */
public enum Risk {
    IMMEDIATE("immediate"), PLAN("plan"), ACCEPT_AND_MONITOR("accept-and-monitor"), DOCUMENT("document");

    private final String label;

    Risk(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Medium counts as high for impact (err towards protecting data) and as low for likelihood. */
    public static Risk of(Level impact, Level likelihood) {
        boolean highImpact = impact != Level.LOW;
        boolean highLikelihood = likelihood == Level.HIGH;
        if (highImpact && highLikelihood) return IMMEDIATE;
        if (highImpact) return PLAN;
        if (highLikelihood) return ACCEPT_AND_MONITOR;
        return DOCUMENT;
    }
}
