package dev.bulwark.core;

/** Whether a check actually tested a target. "Not tested" is reported as such, never as a pass. */
public enum Coverage {
    TESTED, NOT_TESTED;

    public String label() {
        return this == TESTED ? "tested" : "not tested";
    }
}
