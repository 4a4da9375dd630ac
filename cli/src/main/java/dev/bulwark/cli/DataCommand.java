package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Protect training data: anonymize tables. See docs/data-protection.md.",
        subcommands = {DataAnonymizeCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
