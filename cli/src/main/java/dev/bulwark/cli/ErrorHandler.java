package dev.bulwark.cli;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.core.integrity.IntegrityException;
import dev.bulwark.data.table.DataInputException;
import dev.bulwark.detect.redact.KeyFileException;
import picocli.CommandLine;

/** Turns exceptions into one clear line on stderr and the contract's exit code; stack traces only with BULWARK_DEBUG. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        var err = cmd.getErr();
        err.println("bulwark: " + messageOf(e));
        if (System.getenv("BULWARK_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return exitCodeOf(e);
    }

    static int usageError(CommandLine.ParameterException e, String[] args) {
        var cmd = e.getCommandLine();
        cmd.getErr().println("bulwark: " + e.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        cmd.getErr().flush();
        return ExitCode.BAD_INPUT;
    }

    static int exitCodeOf(Throwable e) {
        if (isBadInput(e) || e instanceof CommandLine.ParameterException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.UNREACHABLE_OR_INTERNAL;
    }

    /** Exceptions whose message already names the file and the problem for the user: exit 2, message only. */
    private static boolean isBadInput(Throwable e) {
        return e instanceof ConfigException || e instanceof BadInputException || e instanceof DataInputException
                || e instanceof KeyFileException || e instanceof IntegrityException;
    }

    private static String messageOf(Exception e) {
        if (isBadInput(e)) return e.getMessage();
        String m = e.getMessage();
        return "internal error: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (set BULWARK_DEBUG=1 for the stack trace)";
    }
}
