package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run a detector over JSON Lines on stdin ({\"text\": ...} per line) and write one JSON result per line.",
        subcommands = {DetectInjectionCommand.class, DetectPiiCommand.class})
final class DetectCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
