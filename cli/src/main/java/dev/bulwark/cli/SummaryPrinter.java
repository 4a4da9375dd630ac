package dev.bulwark.cli;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.correlate.RankedControl;
import dev.bulwark.correlate.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The few lines a person reads in the terminal after a run: counts, top risks, top fixes, where the report is. */
final class SummaryPrinter {
    private static final int TOP = 5;
    private final PrintStream out;

    SummaryPrinter(PrintStream out) {
        this.out = out;
    }

    void print(Assessor.Outcome outcome, Path outDir) {
        Assessment a = outcome.assessment();
        var run = a.run();
        out.println();
        out.printf("%s — %d requests, %s%n", run.engagement(), run.requests(),
                run.complete() ? "complete" : "INCOMPLETE (stopped early; the report says what was not tested)");
        out.println();
        var counts = a.severityCounts();
        out.printf("  %-9s %-6s %-7s %-5s %-5s%n", "critical", "high", "medium", "low", "info");
        out.printf("  %-9d %-6d %-7d %-5d %-5d%n", counts.get(Severity.CRITICAL), counts.get(Severity.HIGH),
                counts.get(Severity.MEDIUM), counts.get(Severity.LOW), counts.get(Severity.INFO));
        printFindings(a.findings());
        printScenarios(a.scenarios());
        printFixes(a.controls());
        if (!outcome.unreachableTargets().isEmpty()) {
            out.printf("%nCould not reach: %s — nothing was tested there.%n", String.join(", ", outcome.unreachableTargets()));
        }
        if (!a.notTested().isEmpty()) {
            out.printf("%nNot tested: %d check runs (reasons in the report)%n", a.notTested().size());
        }
        out.println();
        out.println("Report: " + outDir.resolve("report.html").toAbsolutePath().normalize());
        out.println("Data:   " + outDir.resolve("findings.json").toAbsolutePath().normalize());
    }

    private void printFindings(List<Finding> findings) {
        if (findings.isEmpty()) return;
        out.println();
        out.println("Findings");
        for (Finding f : findings.subList(0, Math.min(findings.size(), 12))) {
            out.printf("  %-7s %-8s %-14s %s%n", f.id(), f.severity().label(), clip(f.target(), 14), clip(f.title(), 70));
        }
        if (findings.size() > 12) out.printf("  … and %d more%n", findings.size() - 12);
    }

    private void printScenarios(List<Scenario> scenarios) {
        if (scenarios.isEmpty()) return;
        out.println();
        out.println("Threat scenarios");
        for (Scenario s : scenarios.subList(0, Math.min(scenarios.size(), TOP))) {
            out.printf("  %-4s %-19s %s%n", s.id(), s.risk().label(), clip(s.title(), 70));
        }
    }

    private void printFixes(List<RankedControl> controls) {
        if (controls.isEmpty()) return;
        out.println();
        out.println("Fix first");
        for (RankedControl c : controls.subList(0, Math.min(controls.size(), TOP))) {
            String feature = c.bulwarkFeature() == null || c.bulwarkFeature().isBlank() ? "" : "  [" + c.bulwarkFeature() + "]";
            String effect = effect(c);
            out.printf("  %d. %s%s%s%n", c.rank(), c.title(), effect.isEmpty() ? "" : " — " + effect, feature);
        }
    }

    /** "breaks 2 scenarios, fixes 3 findings", naming only what there is; a detective control "detects". */
    static String effect(RankedControl c) {
        var parts = new ArrayList<String>();
        if (!c.scenarios().isEmpty()) parts.add(c.effect().scenarioVerb() + " " + count(c.scenarios().size(), "scenario"));
        if (!c.findings().isEmpty()) parts.add(c.effect().findingVerb() + " " + count(c.findings().size(), "finding"));
        return String.join(", ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String clip(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
