package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark data}: protect training and business datasets. See docs/data-protection.md. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Protect datasets (CSV, TSV, JSON, JSON Lines, Parquet): pseudonymize columns and reidentify "
                + "them with the keyset, anonymize (k-anonymity, l-diversity), and answer statistics with "
                + "differential privacy under a privacy budget. See docs/data-protection.md.",
        subcommands = {DataPseudonymizeCommand.class, DataReidentifyCommand.class, DataAnonymizeCommand.class,
                DataDpCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
