package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark data …}: protecting training data (issue 7). */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Protect datasets: differentially private statistics with a privacy budget. "
                + "See docs/data-protection.md.",
        subcommands = {DataDpCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
