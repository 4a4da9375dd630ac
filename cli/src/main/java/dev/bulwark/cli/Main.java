package dev.bulwark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit codes (DESIGN): 0 ran and nothing at or above {@code --fail-on}; 1 findings at or above it;
 * 2 bad usage, bad scope or bad input file; 3 a target could not be reached or an internal error.
 */
@Command(name = "bulwark",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Pentest your AI systems, map what is found to CWE / OWASP LLM / ATLAS / CVSS, "
                + "correlate it into threat scenarios, and close it.",
        subcommands = {DemoCommand.class, AssessCommand.class, InitCommand.class, ReportCommand.class,
                RedactCommand.class, DetectCommand.class, ScanCommand.class, DbCommand.class, GuardCommand.class,
                AuditCommand.class, DataCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        var cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(ErrorHandler::usageError);
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
