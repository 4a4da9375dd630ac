package dev.bulwark.cli;

import dev.bulwark.report.DiffResult;
import dev.bulwark.report.FindingsFileException;
import dev.bulwark.report.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Work with reports.",
        subcommands = {ReportCommand.Diff.class})
final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compare two runs by finding fingerprint: fixed, new, unchanged. OLD and NEW are "
                    + "findings.json files or report folders holding one.")
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD")
        Path oldRun;

        @Parameters(index = "1", paramLabel = "NEW")
        Path newRun;

        @Override
        public Integer call() throws Exception {
            DiffResult result;
            try {
                result = RunDiff.diff(findingsFile(oldRun), findingsFile(newRun));
            } catch (FindingsFileException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            System.out.print(result.toText());
            return ExitCode.OK;
        }

        private static Path findingsFile(Path p) {
            Path file = Files.isDirectory(p) ? p.resolve("findings.json") : p;
            if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no findings.json here");
            return file;
        }
    }
}
