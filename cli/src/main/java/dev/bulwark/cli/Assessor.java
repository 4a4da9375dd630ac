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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import dev.bulwark.core.engine.Checkpoint;
import dev.bulwark.core.engine.CheckpointException;
import dev.bulwark.core.engine.Journal;
import dev.bulwark.core.engine.Pack;
import dev.bulwark.core.engine.RunPlan;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.ScopeException;
import dev.bulwark.probe.custom.CustomProbes;
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

    /**
     * What to run: the pack, whether a plan over the budget may start, whether to continue the checkpoint in the
     * output folder, and the scope's hash that ties a checkpoint to it (null: keep no checkpoint).
     */
    record Run(Pack pack, boolean allowPartial, boolean resume, String scopeHash) {
        static Run standard() {
            return new Run(Pack.STANDARD, false, false, null);
        }
    }

    /** What the run produced, for the caller's summary and exit code. */
    record Outcome(Assessment assessment, List<Path> files, List<String> unreachableTargets, int exitCode) {
    }

    private final PrintStream out;

    Assessor(PrintStream out) {
        this.out = out;
    }

    Outcome assess(Scope scope, Options options) throws IOException {
        return assess(scope, options, Run.standard());
    }

    Outcome assess(Scope scope, Options options, Run what) throws IOException {
        List<Check> checks = checks(scope, what.pack());
        var kb = KnowledgeBase.bundled();
        var finished = new CountDownLatch(1);
        var reachability = new Reachability();
        // the checkpoint counts requests of a client made below, once the plan is accepted
        var clientRef = new AtomicReference<EngagementClient>();
        Journal journal = journal(options.outDir(), what,
                () -> clientRef.get() == null ? 0 : clientRef.get().requestsSent());
        RunPlan plan = RunPlan.of(scope, checks, (c, t) -> journal.finished(c, t).isPresent());
        long budgetLeft = scope.rules().maxRequests() - journal.previousRequests();
        int resumed = RunPlan.of(scope, checks).entries().size() - plan.entries().size();
        new PlanPrinter(out).print(plan, scope, what.pack().id(), Math.max(0, budgetLeft), resumed);
        if (plan.total() > budgetLeft && !what.allowPartial()) {
            throw new BadInputException("the plan needs " + plan.total() + " requests but rules.maxRequests leaves "
                    + Math.max(0, budgetLeft) + (journal.previousRequests() > 0 ? " (after the earlier run's "
                    + journal.previousRequests() + ")" : "") + "; raise maxRequests in the scope, choose a smaller"
                    + " --pack, or pass --allow-partial to run until the budget is spent");
        }
        Scope bounded = withBudget(scope, (int) Math.max(0, budgetLeft));
        try (var client = EngagementClient.builder(bounded).listener(reachability)
                .credentialHeaders(sessionHeaders(scope)).build();
             var progress = options.progress() ? TerminalProgress.open(scope.engagement().name()) : TerminalProgress.quiet()) {
            clientRef.set(client);
            var engagement = new Engagement(bounded, checks, client, progress, journal);
            Thread hook = new Thread(() -> {
                engagement.requestStop();
                awaitQuietly(finished);
            }, "bulwark-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                RunResult run = engagement.run();
                if (run.complete() && what.scopeHash() != null) Checkpoint.discard(options.outDir());
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

    /** The registered checks plus the scope's custom probes, narrowed to the pack. */
    static List<Check> checks(Scope scope, Pack pack) {
        List<Check> all = new ArrayList<>(CheckRegistry.discover().checks());
        if (scope.probes().isPresent()) {
            try {
                all.addAll(CustomProbes.load(scope.probes().get()));
            } catch (ScopeException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        CheckRegistry registry;
        try {
            registry = CheckRegistry.of(all);
        } catch (IllegalStateException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        return registry.checks().stream().filter(c -> pack.includes(registry.descriptor(c))).toList();
    }

    private Journal journal(Path outDir, Run what, java.util.function.LongSupplier sent) {
        if (what.scopeHash() == null) {
            if (what.resume()) throw new BadInputException("--resume needs a scope file");
            return Journal.NONE;
        }
        if (!what.resume()) return Checkpoint.fresh(outDir, what.scopeHash(), what.pack().id(), sent);
        try {
            return Checkpoint.resume(outDir, what.scopeHash(), what.pack().id(), sent);
        } catch (CheckpointException e) {
            throw new BadInputException("--resume: " + e.getMessage(), e);
        }
    }

    /** The scope with the budget a resumed run has left (the rules of engagement hold for the whole engagement). */
    private static Scope withBudget(Scope scope, int budget) {
        RulesOfEngagement r = scope.rules();
        if (budget == r.maxRequests()) return scope;
        RulesOfEngagement rules = new RulesOfEngagement(r.allowedHosts(), r.maxRequestsPerSecond(), budget,
                r.destructive(), r.requestTimeout(), r.maxRetries(), r.notBefore(), r.notAfter(), r.outOfBandCollector());
        return scope.withRules(rules);
    }

    /** Headers filled from a session's variables carry credentials: masked, and dropped on cross-host redirects. */
    private static List<String> sessionHeaders(Scope scope) {
        return scope.targets().stream().filter(HttpTarget.class::isInstance).map(HttpTarget.class::cast)
                .filter(t -> t.session().isPresent())
                .flatMap(t -> t.headers().entrySet().stream().filter(h -> h.getValue().contains("{{")).map(Map.Entry::getKey))
                .toList();
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
