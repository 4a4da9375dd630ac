package dev.bulwark.cli;

import dev.bulwark.core.engine.Checkpoint;
import dev.bulwark.core.scope.ScopeException;
import dev.bulwark.core.scope.ScopeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Run the checks a scope file allows against its targets and write the report.")
final class AssessCommand implements Callable<Integer> {

    @Option(names = "--scope", paramLabel = "FILE", defaultValue = "bulwark.yaml",
            description = "Scope file (default: ${DEFAULT-VALUE}).")
    Path scopeFile;

    @Mixin
    ReportOptions report;

    @Mixin
    RunOptions run;

    @Option(names = "--resume",
            description = "Continue the interrupted run whose checkpoint is in --out (same scope file and pack):"
                    + " finished check runs are kept, the rest run.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(scopeFile)) {
            throw new BadInputException(scopeFile + ": no such scope file (write one with 'bulwark init')");
        }
        var scope = loadScope(scopeFile);
        var assessor = new Assessor(System.out);
        var what = new Assessor.Run(run.pack(), run.allowPartial, resume,
                Checkpoint.scopeHash(scopeFile, scope.probes()));
        var outcome = assessor.assess(scope, report.options(), what);
        new SummaryPrinter(System.out).print(outcome, report.outDir());
        return outcome.exitCode();
    }

    static dev.bulwark.core.scope.Scope loadScope(Path file) throws ScopeException {
        return ScopeLoader.load(file, System.getenv());
    }
}
