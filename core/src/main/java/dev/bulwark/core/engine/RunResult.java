package dev.bulwark.core.engine;

import dev.bulwark.core.Finding;
import java.time.Instant;
import java.util.List;

/**
 * Everything an engagement produced, before mapping and correlation. {@code complete} is false when the run was
 * stopped (Ctrl-C, budget, time window); the report says so. {@code errors} are non-fatal problems, kept.
 */
public record RunResult(String engagement, Instant startedAt, Instant finishedAt, long requests, boolean complete,
                        List<Finding> findings, List<CheckRun> checkRuns, List<String> errors) {
    public RunResult {
        findings = List.copyOf(findings);
        checkRuns = List.copyOf(checkRuns);
        errors = List.copyOf(errors);
    }

    public RunResult withFindings(List<Finding> newFindings) {
        return new RunResult(engagement, startedAt, finishedAt, requests, complete, newFindings, checkRuns, errors);
    }
}
