package dev.bulwark.core.engine;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;

/** One check on one target: whether it tested, its verdict counts, and why not when it did not. */
public record CheckRun(String check, String target, WeaknessClass weakness, Coverage coverage, VerdictTally tally,
                       String note) {
}
