package dev.bulwark.report.html;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.Masking;
import dev.bulwark.core.engine.RunResult;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.correlate.Level;
import dev.bulwark.correlate.RankedControl;
import dev.bulwark.correlate.Risk;
import dev.bulwark.correlate.Scenario;
import dev.bulwark.kb.CatalogEntry;
import dev.bulwark.kb.Control;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.CoverageSummary;
import dev.bulwark.report.ReportWriter.ToolInfo;
import dev.bulwark.report.html.HtmlView.Ref;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Words and arranges an assessment for the HTML report; catalog names and links come from the knowledge base. */
final class HtmlViewBuilder {
    /** Evidence excerpts are bounded again here: the report must stay readable whatever a target sent. */
    private static final int MAX_EVIDENCE = 4000;
    private static final int MAX_SAMPLES = 5;
    private static final int TOP_RISKS = 3;
    private static final Pattern WEB_URL = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final KnowledgeBase kb;

    HtmlViewBuilder(KnowledgeBase kb) {
        this.kb = kb;
    }

    HtmlView build(Assessment a, ToolInfo tool, String css) {
        RunResult run = a.run();
        var header = new HtmlView.Header(run.engagement(), run.startedAt() == null ? "" : DATE.format(run.startedAt()),
                time(run.startedAt(), run.startedAt()), time(run.finishedAt(), run.startedAt()), run.requests(),
                run.complete(), tool.name() + " " + tool.version());
        var counts = a.severityCounts().entrySet().stream()
                .map(e -> new HtmlView.Count(e.getKey().label(), e.getValue())).toList();
        var summary = new HtmlView.Summary(a.findings().size(), counts, a.scenarios().size(), topRisks(a),
                a.controls().stream().filter(c -> c.kind() == Control.Kind.PREVENTIVE).map(HtmlViewBuilder::fix).toList(),
                a.controls().stream().filter(c -> c.kind() != Control.Kind.PREVENTIVE).map(HtmlViewBuilder::fix).toList());
        var charts = new HtmlView.Charts(SeverityChart.render(a.severityCounts()),
                RiskMatrixChart.render(a.scenarios()),
                OwaspCoverageChart.render(kb.owaspLlm2025(), a.owaspCoverage(), findingsPerOwasp(a.findings())));
        var notTested = a.notTested().stream()
                .map(r -> new HtmlView.NotTestedView(r.check(), r.target(), r.note())).toList();
        return new HtmlView(header, summary, charts, a.scenarios().stream().map(this::scenario).toList(),
                a.findings().stream().map(this::finding).toList(), notTested, run.errors(), css,
                CoverageSummary.categories(a, kb).stream()
                        .map(c -> new HtmlView.CoverageRow(c.id(), c.name(), c.status(), c.why())).toList(),
                CoverageSummary.families(a).stream()
                        .map(f -> new HtmlView.FamilyRow(f.family(), f.rateText(), String.join(", ", f.checks()))).toList());
    }

    /** "a", "a and b", "a, b and c". */
    static String prose(List<String> items) {
        if (items.size() < 2) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A wall-clock time to the second, with its date only when that differs from the run's start date. */
    static String time(Instant instant, Instant start) {
        if (instant == null) return "unknown";
        boolean sameDay = start != null && DATE.format(instant).equals(DATE.format(start));
        return (sameDay ? "" : DATE.format(instant) + " ") + TIME.format(instant);
    }

    private static List<HtmlView.TopRisk> topRisks(Assessment a) {
        if (!a.scenarios().isEmpty()) {
            return a.scenarios().stream()
                    .sorted(Comparator.comparing(Scenario::risk).thenComparing(Scenario::impact))
                    .limit(TOP_RISKS)
                    .map(s -> new HtmlView.TopRisk(s.id(), s.title(), action(s.risk()),
                            "Impact " + s.impact().label() + ", likelihood " + s.likelihood().label()
                                    + (s.assets().isEmpty() ? "" : "; puts " + prose(s.assets())
                                    + " at risk") + "."))
                    .toList();
        }
        // Without scenarios, the most severe findings are the top risks (findings come most severe first).
        return a.findings().stream().limit(TOP_RISKS)
                .map(f -> new HtmlView.TopRisk(f.id(), f.title(), "Severity " + f.severity().label(),
                        "On " + f.target() + "."))
                .toList();
    }

    static String action(Risk risk) {
        return switch (risk) {
            case IMMEDIATE -> "Act now";
            case PLAN -> "Plan a mitigation";
            case ACCEPT_AND_MONITOR -> "Accept and monitor";
            case DOCUMENT -> "Document";
        };
    }

    private static HtmlView.Fix fix(RankedControl c) {
        boolean hasFeature = c.bulwarkFeature() != null && !c.bulwarkFeature().isBlank();
        String scenarioVerb = c.scenarios().isEmpty() ? ""
                : c.effect().scenarioVerb() + (c.scenarios().size() == 1 ? " scenario" : " scenarios");
        String findingVerb = c.findings().isEmpty() ? "" : c.effect().findingVerb();
        if (scenarioVerb.isEmpty()) findingVerb = capitalized(findingVerb);
        return new HtmlView.Fix(c.rank(), c.title(), hasFeature ? c.bulwarkFeature() : "", hasFeature,
                c.kind().name().toLowerCase(Locale.ROOT), capitalized(scenarioVerb), anchors(c.scenarios()),
                findingVerb, anchors(c.findings()));
    }

    /** Scenario and finding ids, linked to their cards further down the page. */
    private static List<Ref> anchors(List<String> ids) {
        return ids.stream().map(id -> Ref.link(id, id, "#" + id)).toList();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, Integer> findingsPerOwasp(List<Finding> findings) {
        var counts = new HashMap<String, Integer>();
        for (Finding f : findings) f.owaspLlm().forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private HtmlView.ScenarioView scenario(Scenario s) {
        var nodes = nodes(s.path());
        String graph = nodes.isEmpty() ? "" : AttackPathGraph.render(nodes, "arrow-" + safeId(s.id()));
        return new HtmlView.ScenarioView(s.id(), s.title(), s.narrative(), graph, !nodes.isEmpty(),
                label(s.impact()), label(s.likelihood()), s.risk().label(), action(s.risk()),
                String.join(", ", s.targets()), String.join(", ", s.assets()),
                String.join(", ", s.threatActors().stream().map(HtmlViewBuilder::actor).toList()),
                anchors(s.findings()), controlGroups(s.controls()));
    }

    /** A scenario's controls split by what they do to it, preventive (breaking it) first; empty groups left out. */
    private List<HtmlView.ControlGroup> controlGroups(List<String> controls) {
        var groups = new ArrayList<HtmlView.ControlGroup>();
        for (RankedControl.Effect effect : RankedControl.Effect.values()) {
            List<Ref> refs = controls.stream().filter(id -> effectOf(id) == effect).map(this::control).toList();
            if (!refs.isEmpty()) groups.add(new HtmlView.ControlGroup(switch (effect) {
                case BREAKS -> "Controls that break it";
                case DETECTS -> "Controls that detect it";
                case LIMITS -> "Controls that limit damage";
            }, refs));
        }
        return groups;
    }

    /** As the ranker does, a control the catalog does not know counts as preventive. */
    private RankedControl.Effect effectOf(String controlId) {
        return RankedControl.Effect.of(kb.control(controlId).map(Control::kind).orElse(Control.Kind.PREVENTIVE));
    }

    /** Threat actor ids in words; an id this report does not know is shown as it is. */
    static String actor(String id) {
        return switch (id) {
            case "cybercrime" -> "cybercriminals";
            case "competitor" -> "competitors";
            case "insider" -> "insiders";
            case "hacktivist" -> "hacktivists";
            case "nation-state" -> "nation-state actors";
            default -> id;
        };
    }

    /**
     * Places each technique under one of its tactics. A technique can serve several tactics; the one chosen is the
     * earliest that does not go back along the kill chain from the previous step, so the graph reads left to right.
     */
    private List<AttackPathGraph.Node> nodes(List<String> path) {
        var nodes = new ArrayList<AttackPathGraph.Node>();
        int previous = -1;
        for (String techniqueId : path) {
            String name = kb.lookup(techniqueId).map(CatalogEntry::name).orElse("");
            List<CatalogEntry> tactics = kb.tacticsOf(techniqueId);
            final int floor = previous;
            CatalogEntry tactic = tactics.stream()
                    .filter(t -> kb.killChainOrder(t.id()) >= floor)
                    .findFirst()
                    .orElse(tactics.isEmpty() ? null : tactics.get(0));
            if (tactic != null) previous = Math.max(previous, kb.killChainOrder(tactic.id()));
            nodes.add(new AttackPathGraph.Node(techniqueId, name, tactic == null ? "(tactic unknown)" : tactic.name()));
        }
        return nodes;
    }

    private static String label(Level level) {
        return level == null ? "" : level.label();
    }

    private static String safeId(String id) {
        return id == null ? "x" : id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private HtmlView.FindingView finding(Finding f) {
        var ids = new ArrayList<Ref>();
        for (List<String> group : List.of(f.cwe(), f.cve(), f.owaspLlm(), f.atlas())) {
            group.forEach(id -> ids.add(catalogRef(id)));
        }
        var e = f.evidence();
        String rate = e.attempts() == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", e.successRate() * 100);
        String location = location(f.location());
        return new HtmlView.FindingView(f.id(), f.severity().label(), f.confidence().label(), f.title(), f.target(),
                location, !location.isEmpty(), f.cvss() == null ? "" : f.cvss().vector(),
                f.cvss() == null ? "" : String.format(Locale.ROOT, "%.1f", f.cvss().score()), f.cvss() != null,
                ids, f.description(), Masking.excerpt(e.request(), MAX_EVIDENCE),
                Masking.excerpt(e.response(), MAX_EVIDENCE),
                e.samples().stream().limit(MAX_SAMPLES).map(x -> Masking.excerpt(x, MAX_EVIDENCE)).toList(),
                e.attempts(), e.successes(), rate, f.remediation(),
                f.controls().stream().map(this::control).toList(),
                f.references().stream().map(HtmlViewBuilder::reference).toList(),
                e.reproduction() == null ? "" : e.reproduction());
    }

    /** A catalog id, linked to its public page when the knowledge base knows it. */
    Ref catalogRef(String id) {
        return kb.lookup(id)
                .filter(entry -> entry.url() != null && WEB_URL.matcher(entry.url()).matches())
                .map(entry -> Ref.link(id, entry.name(), entry.url()))
                .orElse(Ref.plain(id, ""));
    }

    private Ref control(String id) {
        return kb.control(id)
                .map(Control::title)
                .map(title -> Ref.plain(title, id))
                .orElse(Ref.plain(id, id));
    }

    /** Only plain web URLs become links; anything else (a javascript: URL, say) is shown as text. */
    private static Ref reference(String text) {
        return WEB_URL.matcher(text).matches() ? Ref.link(text, text, text) : Ref.plain(text, "");
    }

    static String location(Location l) {
        var parts = new ArrayList<String>();
        if (l.url() != null) parts.add(l.url());
        if (l.path() != null) parts.add(l.entry() == null ? l.path() : l.path() + "!" + l.entry());
        if (l.path() == null && l.entry() != null) parts.add(l.entry());
        if (l.line() != null && l.line() > 0) parts.add("line " + l.line());
        if (l.offset() != null) parts.add("offset " + l.offset());
        if (l.column() != null) parts.add("column " + l.column());
        return String.join(", ", parts);
    }
}
