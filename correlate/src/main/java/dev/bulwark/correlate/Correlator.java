package dev.bulwark.correlate;

import dev.bulwark.core.Finding;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns what an engagement produced into the report model: maps every finding through the knowledge base,
 * collapses findings with the same fingerprint, orders them most severe first and numbers them F-0001…, joins
 * them into threat scenarios across the scope's targets, ranks the controls that break the most scenarios, and
 * works out which OWASP LLM 2025 risks were actually tested. Stateless apart from its inputs; thread-safe.
 */
public final class Correlator {
    private final KnowledgeBase kb;
    private final ScenarioBuilder scenarios;

    public Correlator(KnowledgeBase kb, Scope scope) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.scenarios = new ScenarioBuilder(kb, new ScopeIndex(Objects.requireNonNull(scope, "scope")),
                ScenarioTemplates.ALL);
    }

    public Assessment correlate(RunResult run) {
        List<Finding> mapped = run.findings().stream().map(kb::map).toList();
        List<Finding> findings = number(Deduplicator.dedupe(mapped));
        List<Scenario> found = scenarios.build(findings);
        return new Assessment(run.withFindings(findings), findings, found, ControlRanker.rank(kb, findings, found),
                OwaspCoverage.of(kb, run.checkRuns()));
    }

    private static List<Finding> number(List<Finding> unique) {
        var sorted = new ArrayList<>(unique);
        sorted.sort(FindingOrder.MOST_SEVERE_FIRST);
        var numbered = new ArrayList<Finding>(sorted.size());
        for (Finding f : sorted) numbered.add(f.withId(String.format(Locale.ROOT, "F-%04d", numbered.size() + 1)));
        return List.copyOf(numbered);
    }
}
