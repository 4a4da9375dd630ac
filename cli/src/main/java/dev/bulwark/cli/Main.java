package dev.bulwark.cli;

import dev.bulwark.data.table.Tables;
import java.util.List;
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
                + "correlate it into threat scenarios, and close it.")
public final class Main implements Runnable {
    /**
     * The top-level commands, in the order help lists them. Building a command's model is reflection in the
     * interpreter (all of them took 0.4 s of a short command's start), so a run builds only the command it was asked
     * for; help, version, no command or an unknown one build them all.
     */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, AssessCommand.class, InitCommand.class,
            ReportCommand.class, RedactCommand.class, DetectCommand.class, ScanCommand.class, DbCommand.class,
            GuardCommand.class, AuditCommand.class, DataCommand.class, KeysCommand.class, EncryptCommand.class,
            DecryptCommand.class, SignCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LogLines.install();
        if (readsTables(args)) Tables.openEarly();
        System.exit(run(args));
    }

    /** The commands that read a table through DuckDB, whose native library can load while picocli starts. */
    static boolean readsTables(String... args) {
        return args.length > 0 && (args[0].equals("data") || args.length > 1 && args[0].equals("scan") && args[1].equals("data"));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line for {@code args}: only the top-level command they name, or every command. */
    static CommandLine commandLine(String... args) {
        var cli = new CommandLine(new Main());
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        for (Class<?> command : named == null || named == CommandLine.HelpCommand.class ? COMMANDS : List.of(named)) {
            cli.addSubcommand(command);
        }
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
