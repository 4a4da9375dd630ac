package dev.bulwark.report.sarif;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.kb.WeaknessProfile;
import dev.bulwark.report.ReportWriter.ToolInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the SARIF log: one rule per check id (described by its weakness class's knowledge-base profile), one
 * result per finding, and an invocation that records whether the run completed and which checks did not test.
 */
final class SarifMapper {
    /** Key under which our fingerprint travels, so code-scanning services track a finding across runs. */
    static final String FINGERPRINT_KEY = "bulwark/v1";

    private final KnowledgeBase kb;

    SarifMapper(KnowledgeBase kb) {
        this.kb = kb;
    }

    Sarif.Log toLog(Assessment assessment, ToolInfo tool) {
        Map<String, WeaknessClass> checks = checks(assessment);
        List<String> ruleIds = List.copyOf(checks.keySet());
        var rules = checks.entrySet().stream()
                .map(e -> rule(e.getKey(), e.getValue(), assessment.findings()))
                .toList();
        var results = assessment.findings().stream()
                .map(f -> result(f, ruleIds.indexOf(f.check())))
                .toList();
        var driver = new Sarif.ToolComponent(tool.name(), tool.version(), semanticVersion(tool.version()),
                tool.informationUri(), rules);
        var run = new Sarif.Run(new Sarif.Tool(driver), List.of(invocation(assessment.run(), assessment)), results,
                Map.of("engagement", String.valueOf(assessment.run().engagement()),
                        "requests", assessment.run().requests()));
        return new Sarif.Log(Sarif.SCHEMA_URI, Sarif.VERSION, List.of(run));
    }

    /** Every check that ran or reported, sorted by id, with its weakness class. */
    private static Map<String, WeaknessClass> checks(Assessment assessment) {
        var checks = new TreeMap<String, WeaknessClass>();
        for (CheckRun r : assessment.run().checkRuns()) checks.putIfAbsent(r.check(), r.weakness());
        for (Finding f : assessment.findings()) checks.putIfAbsent(f.check(), f.weakness());
        return checks;
    }

    private Sarif.Rule rule(String check, WeaknessClass weakness, List<Finding> findings) {
        WeaknessProfile profile = kb.profile(weakness);
        var ofCheck = findings.stream().filter(f -> f.check().equals(check)).toList();
        var tags = new LinkedHashSet<String>();
        tags.add("security");
        tags.addAll(profile.cwe());
        tags.addAll(profile.owaspLlm());
        ofCheck.forEach(f -> {
            tags.addAll(f.cwe());
            tags.addAll(f.owaspLlm());
        });
        var properties = new LinkedHashMap<String, Object>();
        properties.put("tags", List.copyOf(tags));
        securitySeverity(profile, ofCheck).ifPresent(score -> properties.put("security-severity", score));
        properties.put("weakness", weakness.id());
        if (!profile.atlas().isEmpty()) properties.put("atlas", profile.atlas());
        String full = profile.title() + ". Mapped to " + String.join(", ", mappedIds(profile)) + ".";
        return new Sarif.Rule(check, null, Sarif.Text.of(profile.title()), Sarif.Text.of(full),
                Sarif.Text.of(profile.remediation().isBlank() ? profile.title() : profile.remediation()), null,
                properties);
    }

    private static List<String> mappedIds(WeaknessProfile profile) {
        var ids = new ArrayList<String>(profile.cwe());
        ids.addAll(profile.owaspLlm());
        ids.addAll(profile.atlas());
        return ids.isEmpty() ? List.of("no catalog id") : ids;
    }

    /** GitHub's convention: the highest CVSS base score among the rule's findings, else the class's base score. */
    private static Optional<String> securitySeverity(WeaknessProfile profile, List<Finding> ofCheck) {
        var max = ofCheck.stream().filter(f -> f.cvss() != null).mapToDouble(f -> f.cvss().score()).max();
        if (max.isPresent()) return Optional.of(score(max.getAsDouble()));
        return profile.cvss() == null ? Optional.empty()
                : Optional.of(score(profile.cvss().score()));
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Sarif.Result result(Finding f, int ruleIndex) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("findingId", f.id());
        properties.put("severity", f.severity().label());
        properties.put("confidence", f.confidence().label());
        properties.put("target", f.target());
        properties.put("owaspLlm", f.owaspLlm());
        properties.put("atlas", f.atlas());
        properties.put("cwe", f.cwe());
        if (!f.cve().isEmpty()) properties.put("cve", f.cve());
        if (f.cvss() != null) {
            properties.put("cvss", Map.of("version", f.cvss().version(), "vector", f.cvss().vector(),
                    "score", f.cvss().score()));
        }
        properties.put("attempts", f.evidence().attempts());
        properties.put("successes", f.evidence().successes());
        if (f.location().entry() != null) properties.put("entry", f.location().entry());
        if (f.location().column() != null) properties.put("column", f.location().column());
        String message = f.title() + " on " + (f.target() == null || f.target().isBlank() ? "?" : f.target())
                + " (" + f.severity().label() + ", " + f.confidence().label() + ")";
        return new Sarif.Result(f.check(), ruleIndex, level(f.severity()), Sarif.Text.of(message),
                SarifLocations.of(f.location()), Map.of(FINGERPRINT_KEY, f.fingerprint()), properties);
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private static Sarif.Invocation invocation(RunResult run, Assessment assessment) {
        var notifications = assessment.notTested().stream()
                .map(r -> new Sarif.Notification("warning",
                        Sarif.Text.of("not tested: " + r.check() + " on " + r.target()
                                + (r.note().isBlank() ? "" : ": " + r.note())),
                        new Sarif.DescriptorReference(r.check()),
                        Map.of("target", String.valueOf(r.target()), "coverage", r.coverage().label())))
                .toList();
        return new Sarif.Invocation(run.complete(), instant(run.startedAt()), instant(run.finishedAt()),
                notifications);
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** SARIF asks for dotted numeric versions here; anything else (e.g. a SNAPSHOT) still goes into {@code version}. */
    private static String semanticVersion(String version) {
        return version != null && version.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?") ? version : null;
    }
}
