package dev.bulwark.cli;

import dev.bulwark.core.engine.Pack;
import picocli.CommandLine.Option;

/** How much to run: the pack, and whether a plan over the budget may start anyway. */
final class RunOptions {
    @Option(names = "--pack", paramLabel = "PACK", defaultValue = "standard",
            description = "quick (one smoke test per family), standard (every core check, the default) or thorough "
                    + "(core and extended checks).")
    String pack;

    @Option(names = "--allow-partial",
            description = "Start even when the planned requests exceed rules.maxRequests; the run stops when the "
                    + "budget is spent and the report marks what was not tested.")
    boolean allowPartial;

    Pack pack() {
        try {
            return Pack.parse(pack);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--pack: " + e.getMessage());
        }
    }
}
