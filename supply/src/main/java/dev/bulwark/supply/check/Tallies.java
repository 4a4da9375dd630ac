package dev.bulwark.supply.check;

import dev.bulwark.core.VerdictTally;

/** Verdict counts for an offline scan: each item examined is one attempt, a hit when it produced a finding. */
final class Tallies {
    private Tallies() {
    }

    static VerdictTally of(long examined, long withFindings) {
        int hits = (int) Math.min(Math.min(examined, withFindings), Integer.MAX_VALUE);
        int passes = (int) Math.min(examined - hits, Integer.MAX_VALUE);
        return new VerdictTally(hits, passes, 0, 0, "");
    }
}
