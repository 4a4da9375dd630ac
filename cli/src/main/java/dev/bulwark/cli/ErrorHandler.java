package dev.bulwark.cli;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.data.table.DataInputException;
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
        if (e instanceof ConfigException || e instanceof BadInputException || e instanceof DataInputException
                || e instanceof CommandLine.ParameterException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.UNREACHABLE_OR_INTERNAL;
    }

    private static String messageOf(Exception e) {
        if (e instanceof ConfigException || e instanceof BadInputException || e instanceof DataInputException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return "internal error: " + e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (set BULWARK_DEBUG=1 for the stack trace)";
    }
}
