package dev.bulwark.core.engine;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.EngagementException;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every check on every target it handles, in target order then check id, one at a time (the rate limit, not
 * the CPU, is the bottleneck, and a fixed order makes runs comparable).
 *
 * <p>Nothing a check does aborts the engagement: an exception becomes a NOT_TESTED run and an entry in
 * {@code errors}. Work that cannot happen (stopped, budget spent, time window closed) is still recorded, as
 * NOT_TESTED with the reason, and the result is marked incomplete, because a report must never let an untested
 * check pass for a tested one.
 */
public final class Engagement {
    static final String STOPPED_NOTE = "stopped before it ran";
    static final String BUDGET_NOTE = "request budget spent";

    private final Scope scope;
    private final CheckRegistry registry;
    private final EngagementClient client;
    private final ProgressListener progress;
    private final Journal journal;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopRequested;

    /** Rejects duplicate check ids at once (see {@link CheckRegistry}). */
    public Engagement(Scope scope, List<? extends Check> checks, EngagementClient client, ProgressListener progress) {
        this(scope, checks, client, progress, Journal.NONE);
    }

    /**
     * An engagement that records each finished run in {@code journal} and skips the runs it says an earlier,
     * interrupted run already finished (their results are taken over as they were).
     */
    public Engagement(Scope scope, List<? extends Check> checks, EngagementClient client, ProgressListener progress,
                      Journal journal) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.registry = CheckRegistry.of(checks);
        this.client = Objects.requireNonNull(client, "client");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Asks the run to stop (Ctrl-C). Safe from any thread: the client refuses further requests and wakes waiting
     * ones, the running check returns what it has, and everything not yet run is recorded as not tested.
     */
    public void requestStop() {
        stopRequested = true;
        client.stop();
    }

    /** Runs the engagement once. */
    public RunResult run() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("an engagement runs once");
        Instant startedAt = Instant.now();
        List<Finding> findings = new ArrayList<>();
        List<CheckRun> runs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Unit> plan = plan(errors);
        safely(() -> progress.started(plan.size()));
        RunContext context = new RunContext(scope, client, () -> stopRequested, progress);
        boolean skippedAny = false;
        boolean interrupted = false;
        for (Unit unit : plan) {
            Optional<Journal.Completed> earlier = journal.finished(unit.descriptor().id(), unit.target().id());
            if (earlier.isPresent()) {
                runs.add(earlier.get().run());
                findings.addAll(earlier.get().findings());
                safely(() -> progress.advanced(unit.label()));
                continue;
            }
            Optional<String> skip = interrupted ? Optional.of(STOPPED_NOTE) : skipReason();
            if (skip.isPresent()) {
                skippedAny = true;
                runs.add(unit.notTested(skip.get()));
            } else if (unit.planningError() != null) {
                runs.add(unit.notTested(unit.planningError()));
            } else {
                try {
                    int before = findings.size();
                    CheckRun done = execute(unit, context, findings, errors);
                    runs.add(done);
                    record(done, findings.subList(before, findings.size()), errors);
                } catch (InterruptedException e) {
                    interrupted = true;
                    requestStop();
                    runs.add(unit.notTested("interrupted while running"));
                }
            }
            safely(() -> progress.advanced(unit.label()));
        }
        safely(progress::finished);
        try {
            journal.ended();
        } catch (RuntimeException e) {
            errors.add("checkpoint: " + describe(e));
        }
        if (interrupted) Thread.currentThread().interrupt();
        boolean complete = !stopRequested && !skippedAny
                && !client.refused(EngagementException.Reason.BUDGET_EXHAUSTED)
                && !client.refused(EngagementException.Reason.STOPPED);
        return new RunResult(scope.engagement().name(), startedAt, Instant.now(),
                journal.previousRequests() + client.requestsSent(), complete, findings, runs, errors);
    }

    /**
     * A run that reached a verdict while nothing halted the engagement is final: journal it. One cut short (stop,
     * budget, window) or not tested is left out, so a resumed run tries it again in full.
     */
    private void record(CheckRun run, List<Finding> found, List<String> errors) {
        if (run.coverage() != Coverage.TESTED || stopRequested || client.halted().isPresent()) return;
        try {
            journal.completed(new Journal.Completed(run, List.copyOf(found)));
        } catch (RuntimeException e) {
            // a checkpoint that cannot be written costs the ability to resume, not the run itself
            errors.add("checkpoint: " + describe(e));
        }
    }

    /** Every (target, check) pair to run; a check whose {@code handles} throws is kept, to be reported. */
    private List<Unit> plan(List<String> errors) {
        List<Unit> plan = new ArrayList<>();
        for (Target target : scope.targets()) {
            for (Check check : registry.checks()) {
                CheckDescriptor d = registry.descriptor(check);
                try {
                    if (check.handles(target)) plan.add(new Unit(target, check, d, null));
                } catch (RuntimeException e) {
                    String why = "handles() failed: " + describe(e);
                    errors.add(d.id() + " on " + target.id() + ": " + why);
                    plan.add(new Unit(target, check, d, why));
                }
            }
        }
        return plan;
    }

    private Optional<String> skipReason() {
        if (stopRequested) return Optional.of(STOPPED_NOTE);
        return client.halted().map(h -> h.reason() == EngagementException.Reason.BUDGET_EXHAUSTED
                ? BUDGET_NOTE
                : STOPPED_NOTE + ": " + h.getMessage());
    }

    private static CheckRun execute(Unit unit, RunContext context, List<Finding> findings, List<String> errors)
            throws InterruptedException {
        CheckOutcome outcome;
        try {
            outcome = unit.check().run(unit.target(), context);
        } catch (RuntimeException | StackOverflowError e) {
            String why = "check failed: " + describe(e);
            errors.add(unit.label() + ": " + why);
            return unit.notTested(why);
        }
        if (outcome == null) {
            errors.add(unit.label() + ": check returned no outcome");
            return unit.notTested("check returned no outcome");
        }
        findings.addAll(outcome.findings());
        return new CheckRun(unit.descriptor().id(), unit.target().id(), unit.descriptor().weakness(),
                outcome.coverage(), outcome.tally(), outcome.note());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a progress display must never break the engagement
        }
    }

    /** One check on one target. {@code planningError} is set when even asking the check failed. */
    private record Unit(Target target, Check check, CheckDescriptor descriptor, String planningError) {
        String label() {
            return descriptor.id() + " on " + target.id();
        }

        CheckRun notTested(String note) {
            return new CheckRun(descriptor.id(), target.id(), descriptor.weakness(), Coverage.NOT_TESTED,
                    VerdictTally.EMPTY, note);
        }
    }
}
