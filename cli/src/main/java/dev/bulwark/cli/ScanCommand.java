package dev.bulwark.cli;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.correlate.Correlator;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bulwark scan …}: offline scans of files (no engagement, no network). Each subcommand produces findings;
 * {@link #assess} maps and correlates them like {@code assess} does and {@link #write} writes the same reports.
 *
 * <p>Subcommands: {@code model} (ScanModelCommand), {@code deps} (ScanDepsCommand), {@code data}
 * (ScanDataCommand).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan files offline: model files, dependency manifests and datasets.",
        subcommands = {
                ScanModelCommand.class,
                ScanDepsCommand.class,
                ScanDataCommand.class,
        })
final class ScanCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The report model for findings of a file scan: mapped through the knowledge base, deduplicated, numbered and
     * correlated under a scope that only names the scan (there are no assets or hosts to weigh them against).
     */
    /** Every path must exist: a typo would otherwise scan nothing and report a clean result. */
    static void requireExisting(List<Path> paths) {
        for (Path p : paths) {
            if (!java.nio.file.Files.exists(p)) throw new BadInputException(p + ": no such file or directory");
        }
    }

    static Assessment assess(String scanName, Instant started, List<Finding> findings, List<CheckRun> runs) {
        var scope = new Scope(null, new Scope.Engagement(scanName, ""), RulesOfEngagement.defaults(List.of()),
                List.of(), List.of(), List.of(), List.of());
        var run = new RunResult(scanName, started, Instant.now(), 0, true, findings, runs, List.of());
        return new Correlator(KnowledgeBase.bundled(), scope).correlate(run);
    }

    /** A check run per scanned item: tested, or not tested with the reason (the report lists those). */
    static CheckRun checkRun(String check, String target, dev.bulwark.core.WeaknessClass weakness, boolean tested,
                             String note) {
        return new CheckRun(check, target, weakness, tested ? Coverage.TESTED : Coverage.NOT_TESTED,
                dev.bulwark.core.VerdictTally.EMPTY, note);
    }

    static List<Path> write(Assessment assessment, Assessor.Options options) throws IOException {
        return Reports.writeAll(assessment, VersionInfo.tool(), options.outDir(), options.formats());
    }

    /** 1 when a finding is at or above {@code failOn}, else 0. */
    static int exitCode(Assessment assessment, Severity failOn) {
        return Assessor.exitCode(assessment, failOn, List.of());
    }
}
