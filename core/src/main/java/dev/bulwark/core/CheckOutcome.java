package dev.bulwark.core;

import java.util.List;
import java.util.Objects;

/**
 * What one check found on one target, with its verdict counts. {@code coverage} is NOT_TESTED when no attempt
 * reached a verdict (all errors or unscorable); {@code note} then says why.
 */
public record CheckOutcome(Coverage coverage, List<Finding> findings, VerdictTally tally, String note) {
    public CheckOutcome {
        Objects.requireNonNull(coverage, "coverage");
        findings = List.copyOf(findings);
        Objects.requireNonNull(tally, "tally");
        note = note == null ? "" : note;
    }

    public static CheckOutcome tested(List<Finding> findings, VerdictTally tally) {
        return new CheckOutcome(Coverage.TESTED, findings, tally, "");
    }

    public static CheckOutcome notTested(String why, VerdictTally tally) {
        return new CheckOutcome(Coverage.NOT_TESTED, List.of(), tally, why);
    }

    /**
     * The honest outcome for a tally: tested if at least one attempt reached HIT or PASS, otherwise not tested
     * with the errors as the reason.
     */
    public static CheckOutcome from(VerdictTally tally, List<Finding> findings) {
        if (tally.decided() == 0) {
            return new CheckOutcome(Coverage.NOT_TESTED, findings, tally,
                    "no attempt could be judged (" + tally.errors() + " errors, " + tally.unscorable() + " unscorable)"
                            + (tally.lastError().isEmpty() ? "" : ": " + tally.lastError()));
        }
        return new CheckOutcome(Coverage.TESTED, findings, tally, "");
    }
}
