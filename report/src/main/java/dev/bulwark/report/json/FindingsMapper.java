package dev.bulwark.report.json;

import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.Severity;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.correlate.Scenario;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.CoverageSummary;
import dev.bulwark.report.ReportWriter.ToolInfo;
import dev.bulwark.report.json.FindingsDocument.CoverageEntry;
import dev.bulwark.report.json.FindingsDocument.CvssEntry;
import dev.bulwark.report.json.FindingsDocument.Engagement;
import dev.bulwark.report.json.FindingsDocument.EvidenceEntry;
import dev.bulwark.report.json.FindingsDocument.FindingEntry;
import dev.bulwark.report.json.FindingsDocument.LocationEntry;
import dev.bulwark.report.json.FindingsDocument.NotTestedEntry;
import dev.bulwark.report.json.FindingsDocument.ScenarioEntry;
import dev.bulwark.report.json.FindingsDocument.Summary;
import java.util.Map;
import java.util.TreeMap;

/** Turns the typed report model into the {@code findings.json} document. */
public final class FindingsMapper {
    private FindingsMapper() {
    }

    public static FindingsDocument toDocument(Assessment assessment, ToolInfo tool) {
        RunResult run = assessment.run();
        Map<Severity, Integer> counts = assessment.severityCounts();
        return new FindingsDocument(
                FindingsDocument.SCHEMA,
                new FindingsDocument.Tool(tool.name(), tool.version()),
                new Engagement(run.engagement(), run.startedAt(), run.finishedAt(), run.requests(), run.complete()),
                new Summary(counts.get(Severity.CRITICAL), counts.get(Severity.HIGH), counts.get(Severity.MEDIUM),
                        counts.get(Severity.LOW), counts.get(Severity.INFO)),
                assessment.findings().stream().map(FindingsMapper::finding).toList(),
                assessment.scenarios().stream().map(FindingsMapper::scenario).toList(),
                coverage(assessment));
    }

    static FindingEntry finding(Finding f) {
        return new FindingEntry(f.id(), f.fingerprint(), f.check(), f.title(), f.severity(), f.confidence(),
                f.cvss() == null ? null : new CvssEntry(f.cvss().version(), f.cvss().vector(), f.cvss().score()),
                f.cwe(), f.cve(), f.owaspLlm(), f.atlas(), f.target(), f.assets(), location(f.location()),
                evidence(f.evidence()), f.description(), f.remediation(), f.controls(), f.references());
    }

    private static LocationEntry location(Location l) {
        return new LocationEntry(l.url(), l.path(), l.entry(), l.offset(), l.line(), l.column());
    }

    private static EvidenceEntry evidence(Evidence e) {
        return new EvidenceEntry(e.attempts(), e.successes(), e.request(), e.response(), e.samples(), e.reproduction(),
                new java.util.LinkedHashMap<>(e.details()));
    }

    private static ScenarioEntry scenario(Scenario s) {
        return new ScenarioEntry(s.id(), s.title(), s.findings(), s.path(), s.impact(), s.likelihood(), s.risk(),
                s.controls(), s.narrative(), s.targets(), s.assets(), s.threatActors());
    }

    private static CoverageEntry coverage(Assessment assessment) {
        var checks = assessment.run().checkRuns().stream().map(CheckRun::check).distinct().count();
        var notTested = assessment.notTested().stream()
                .map(r -> new NotTestedEntry(r.check(), r.target(), r.note()))
                .toList();
        var why = new TreeMap<String, String>();
        CoverageSummary.categories(assessment, KnowledgeBase.bundled()).forEach(c -> why.put(c.id(), c.why()));
        var families = CoverageSummary.families(assessment).stream()
                .map(f -> new FindingsDocument.FamilyEntry(f.family(), f.checks(), f.decided(), f.hits(),
                        Math.round(f.rate() * 1000) / 1000.0))
                .toList();
        return new CoverageEntry(new TreeMap<>(assessment.owaspCoverage()), (int) checks, notTested, why, families);
    }
}
