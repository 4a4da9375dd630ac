package dev.bulwark.report.md;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.correlate.RankedControl;
import dev.bulwark.correlate.Scenario;
import dev.bulwark.kb.Control;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.AtomicFiles;
import dev.bulwark.report.CoverageSummary;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code summary.md}: a short Markdown summary for pull requests, tickets and chat. */
public final class MarkdownReportWriter implements ReportWriter {
    public static final String FILE_NAME = "summary.md";

    @Override
    public String format() {
        return "md";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Assessment assessment, ToolInfo tool, Path outDir) throws IOException {
        AtomicFiles.writeString(outDir.resolve(FILE_NAME), render(assessment, tool));
    }

    public static String render(Assessment a, ToolInfo tool) {
        RunResult run = a.run();
        var md = new StringBuilder();
        md.append("# Bulwark assessment: ").append(MarkdownTable.cell(run.engagement())).append("\n\n");
        md.append(run.complete() ? "" : "> **Incomplete run**: the assessment was stopped before every check ran; "
                + "absent findings are not evidence of safety.\n\n");
        md.append("Started ").append(run.startedAt()).append(", finished ").append(run.finishedAt())
                .append(", ").append(run.requests()).append(" requests, ").append(tool.name()).append(' ')
                .append(tool.version()).append(".\n\n");

        md.append("## Findings by severity\n\n");
        var counts = new MarkdownTable("severity", "findings");
        for (Map.Entry<Severity, Integer> e : a.severityCounts().entrySet()) {
            counts.row(e.getKey().label(), String.valueOf(e.getValue()));
        }
        md.append(counts).append('\n');

        md.append("## Threat scenarios\n\n");
        if (a.scenarios().isEmpty()) {
            md.append("No scenario: the findings do not combine into an attack path.\n\n");
        } else {
            var table = new MarkdownTable("id", "scenario", "impact", "likelihood", "risk", "findings", "threat actors");
            for (Scenario s : a.scenarios()) {
                table.row(s.id(), s.title(), s.impact().label(), s.likelihood().label(), s.risk().label(),
                        list(s.findings()), list(s.threatActors()));
            }
            md.append(table).append('\n');
        }

        md.append("## What to fix first\n\n");
        List<RankedControl> preventive = a.controls().stream().filter(c -> c.kind() == Control.Kind.PREVENTIVE).toList();
        List<RankedControl> others = a.controls().stream().filter(c -> c.kind() != Control.Kind.PREVENTIVE).toList();
        if (a.controls().isEmpty()) {
            md.append("No control to recommend.\n\n");
        }
        if (!preventive.isEmpty()) {
            var table = new MarkdownTable("#", "control", "Bulwark feature", "breaks scenarios", "fixes findings");
            for (RankedControl c : preventive) {
                table.row(String.valueOf(c.rank()), c.title(), orDash(c.bulwarkFeature()), list(c.breaks()),
                        list(c.findings()));
            }
            md.append(table).append('\n');
        }
        if (!others.isEmpty()) {
            // detective and corrective controls do not break a scenario: listed apart so nobody mistakes them for a fix
            md.append("Also worth switching on (they notice an attack or limit its damage):\n\n");
            var table = new MarkdownTable("#", "control", "Bulwark feature", "kind", "detects or limits scenarios",
                    "helps with findings");
            for (RankedControl c : others) {
                table.row(String.valueOf(c.rank()), c.title(), orDash(c.bulwarkFeature()),
                        c.kind().name().toLowerCase(Locale.ROOT), list(c.scenarios()), list(c.findings()));
            }
            md.append(table).append('\n');
        }

        md.append("## Findings\n\n");
        if (a.findings().isEmpty()) {
            md.append("No finding.\n\n");
        } else {
            var table = new MarkdownTable("id", "severity", "title", "target", "OWASP LLM", "CWE");
            for (Finding f : a.findings()) {
                table.row(f.id(), f.severity().label(), f.title(), orDash(f.target()), list(f.owaspLlm()),
                        list(f.cwe()));
            }
            md.append(table).append('\n');
        }

        md.append("## OWASP LLM 2025 coverage\n\n");
        var coverage = new MarkdownTable("id", "category", "status", "why");
        for (CoverageSummary.Category c : CoverageSummary.categories(a, KnowledgeBase.bundled())) {
            coverage.row(c.id(), c.name(), c.status(), c.why());
        }
        md.append(coverage).append('\n');

        md.append("## Attack success by family\n\n");
        var families = new MarkdownTable("family", "success rate", "checks");
        for (CoverageSummary.Family f : CoverageSummary.families(a)) {
            families.row(f.family(), f.rateText(), list(f.checks()));
        }
        md.append(families).append('\n');

        List<Finding> reproducible = a.findings().stream().filter(f -> f.evidence().reproduction() != null).toList();
        if (!reproducible.isEmpty()) {
            md.append("## How to reproduce\n\n");
            md.append("The shortest exchange that showed each finding (secrets and personal data masked).\n\n");
            for (Finding f : reproducible) {
                md.append("### ").append(f.id()).append(" — ").append(MarkdownTable.cell(f.title())).append("\n\n");
                md.append("```text\n").append(f.evidence().reproduction().replace("```", "'''")).append("\n```\n\n");
            }
        }

        md.append("## Not tested\n\n");
        List<CheckRun> notTested = a.notTested();
        if (notTested.isEmpty()) {
            md.append("Every check reached a verdict.\n");
        } else {
            var table = new MarkdownTable("check", "target", "reason");
            for (CheckRun r : notTested) table.row(r.check(), r.target(), r.note());
            md.append(table);
        }
        List<String> errors = run.errors();
        if (!errors.isEmpty()) {
            md.append("\n## Problems during the run\n\n");
            for (String e : errors) md.append("- ").append(MarkdownTable.cell(e)).append('\n');
        }
        return md.toString();
    }

    /** An empty cell reads as a rendering slip; a dash says "nothing here". */
    private static String list(List<String> items) {
        return items.isEmpty() ? "—" : String.join(", ", items);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
