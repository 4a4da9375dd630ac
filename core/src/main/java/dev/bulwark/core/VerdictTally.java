package dev.bulwark.core;

/** Counts of attempt verdicts for one check on one target. Immutable; {@link #add} returns a new tally. */
public record VerdictTally(int hits, int passes, int errors, int unscorable, String lastError) {
    public static final VerdictTally EMPTY = new VerdictTally(0, 0, 0, 0, "");

    public VerdictTally {
        lastError = lastError == null ? "" : lastError;
    }

    public VerdictTally add(Verdict verdict) {
        return switch (verdict) {
            case HIT -> new VerdictTally(hits + 1, passes, errors, unscorable, lastError);
            case PASS -> new VerdictTally(hits, passes + 1, errors, unscorable, lastError);
            case ERROR -> new VerdictTally(hits, passes, errors + 1, unscorable, lastError);
            case UNSCORABLE -> new VerdictTally(hits, passes, errors, unscorable + 1, lastError);
        };
    }

    public VerdictTally error(String why) {
        return new VerdictTally(hits, passes, errors + 1, unscorable, why);
    }

    public VerdictTally plus(VerdictTally other) {
        return new VerdictTally(hits + other.hits, passes + other.passes, errors + other.errors,
                unscorable + other.unscorable, other.lastError.isEmpty() ? lastError : other.lastError);
    }

    public int attempts() {
        return hits + passes + errors + unscorable;
    }

    /** Attempts that reached a verdict on the target's behaviour. */
    public int decided() {
        return hits + passes;
    }
}
