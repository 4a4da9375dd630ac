package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.core.engine.RunResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The typed report model every writer renders: the run, its deduplicated and mapped findings (ids F-0001…,
 * most severe first), the scenarios, the ranked controls and the coverage per OWASP LLM 2025 id.
 */
public record Assessment(RunResult run, List<Finding> findings, List<Scenario> scenarios,
                         List<RankedControl> controls, Map<String, String> owaspCoverage) {
    public Assessment {
        findings = List.copyOf(findings);
        scenarios = List.copyOf(scenarios);
        controls = List.copyOf(controls);
        // keep LLM01..LLM10 order for the writers
        owaspCoverage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owaspCoverage));
    }

    public Map<Severity, Integer> severityCounts() {
        var counts = new EnumMap<Severity, Integer>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Finding f : findings) counts.merge(f.severity(), 1, Integer::sum);
        return counts;
    }

    public List<CheckRun> notTested() {
        return run.checkRuns().stream().filter(r -> r.coverage() == dev.bulwark.core.Coverage.NOT_TESTED).toList();
    }
}
