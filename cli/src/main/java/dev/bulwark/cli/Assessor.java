package dev.bulwark.cli;

import dev.bulwark.core.Check;
import dev.bulwark.core.Severity;
import dev.bulwark.core.engine.CheckRegistry;
import dev.bulwark.core.engine.Engagement;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.correlate.Correlator;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The main job, shared by {@code assess} and {@code demo}: run the checks under the scope's rules, map and
 * correlate what they found, write the reports, print the summary, and decide the exit code.
 *
 * <p>Ctrl-C asks the engagement to stop; the hook then waits (bounded) until the report of what was done so far,
 * marked incomplete, is written.
 */
final class Assessor {
    private static final long SHUTDOWN_GRACE_SECONDS = 20;

    record Options(Path outDir, Set<String> formats, Severity failOn, boolean progress) {
    }

    /** What the run produced, for the caller's summary and exit code. */
    record Outcome(Assessment assessment, List<Path> files, List<String> unreachableTargets, int exitCode) {
    }

    private final PrintStream out;

    Assessor(PrintStream out) {
        this.out = out;
    }

    Outcome assess(Scope scope, Options options) throws IOException {
        List<Check> checks = CheckRegistry.discover().checks();
        var kb = KnowledgeBase.bundled();
        var finished = new CountDownLatch(1);
        var reachability = new Reachability();
        try (var client = EngagementClient.builder(scope).listener(reachability).build();
             var progress = options.progress() ? TerminalProgress.open(scope.engagement().name()) : TerminalProgress.quiet()) {
            var engagement = new Engagement(scope, checks, client, progress);
            Thread hook = new Thread(() -> {
                engagement.requestStop();
                awaitQuietly(finished);
            }, "bulwark-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                RunResult run = engagement.run();
                Assessment assessment = new Correlator(kb, scope).correlate(run);
                List<Path> files = Reports.writeAll(assessment, VersionInfo.tool(), options.outDir(), options.formats());
                List<String> unreachable = reachability.unreachable(scope);
                return new Outcome(assessment, files, unreachable, exitCode(assessment, options.failOn(), unreachable));
            } finally {
                finished.countDown();
                removeHook(hook);
            }
        }
    }

    /**
     * 1 when a finding is at or above {@code failOn}; otherwise 3 when a target never answered (its empty report
     * would read as "safe"); otherwise 0.
     */
    static int exitCode(Assessment assessment, Severity failOn, List<String> unreachableTargets) {
        if (failOn != null && assessment.findings().stream().anyMatch(f -> f.severity().atLeast(failOn))) {
            return ExitCode.FINDINGS;
        }
        return unreachableTargets.isEmpty() ? ExitCode.OK : ExitCode.UNREACHABLE_OR_INTERNAL;
    }

    PrintStream out() {
        return out;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting because of Ctrl-C: the hook is running and waits for us.
        }
    }
}
