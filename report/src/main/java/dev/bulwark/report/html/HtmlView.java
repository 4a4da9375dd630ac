package dev.bulwark.report.html;

import java.util.List;

/**
 * What the HTML template renders: plain strings, numbers, booleans and lists, already worded for a reader.
 * The template escapes every {@code {{value}}}; only the {@code svg}/{@code css} fields, which this module
 * generates itself, are inserted raw.
 */
public record HtmlView(Header header, Summary summary, Charts charts, List<ScenarioView> scenarios,
                       List<FindingView> findings, List<NotTestedView> notTested, List<String> errors,
                       String css, List<CoverageRow> coverage, List<FamilyRow> families) {

    /** One OWASP LLM 2025 category: tested or not, and why. */
    public record CoverageRow(String id, String name, String status, String why) {
    }

    /** Attack success for one family (weakness class). */
    public record FamilyRow(String family, String rate, String checks) {
    }

    public boolean hasNotTested() {
        return !notTested.isEmpty();
    }

    public record Header(String engagement, String date, String startedAt, String finishedAt, long requests,
                         boolean complete, String tool) {
    }

    /**
     * {@code fixes} are the preventive controls (they break scenarios or fix findings), {@code alsoFixes} the
     * detective and corrective ones, which only notice an attack or limit its damage; ranks run on across both.
     */
    public record Summary(int total, List<Count> counts, int scenarioCount, List<TopRisk> topRisks,
                          List<Fix> fixes, List<Fix> alsoFixes) {
        public boolean hasAnyFix() {
            return !fixes.isEmpty() || !alsoFixes.isEmpty();
        }

        public boolean hasFixes() {
            return !fixes.isEmpty();
        }

        public boolean hasAlsoFixes() {
            return !alsoFixes.isEmpty();
        }

        /** The rank the second list starts at, for {@code <ol start>}. */
        public int alsoFixesStart() {
            return alsoFixes.isEmpty() ? 1 : alsoFixes.get(0).rank();
        }
    }

    public record Count(String label, int count) {
    }

    public record TopRisk(String id, String title, String action, String why) {
    }

    /**
     * {@code kind} is the control's kind in words. The effect sentence is "{scenarioVerb} {scenarios}; {findingVerb}
     * {findings}." where a verb is empty (and its part left out) when there is nothing to list; the first part's
     * verb comes capitalized.
     */
    public record Fix(int rank, String title, String feature, boolean hasFeature, String kind, String scenarioVerb,
                      List<Ref> scenarios, String findingVerb, List<Ref> findings) {
        public boolean hasEffect() {
            return !scenarios.isEmpty() || !findings.isEmpty();
        }
    }

    public record Charts(String severity, String riskMatrix, String owasp) {
    }

    /** Text fields are empty (and not rendered) when the scenario has nothing to list there. */
    public record ScenarioView(String id, String title, String narrative, String graph, boolean hasGraph,
                               String impact, String likelihood, String risk, String action, String targets,
                               String assets, String threatActors, List<Ref> findings,
                               List<ControlGroup> controlGroups) {
        public boolean hasFindings() {
            return !findings.isEmpty();
        }
    }

    /** The controls a scenario names that act on it the same way, e.g. "Controls that break it". */
    public record ControlGroup(String label, List<Ref> controls) {
    }

    public record FindingView(String id, String severity, String confidence, String title, String target,
                              String location, boolean hasLocation, String cvssVector, String cvssScore,
                              boolean hasCvss, List<Ref> ids, String description, String request,
                              String response, List<String> samples, int attempts, int successes, String rate,
                              String remediation, List<Ref> controls, List<Ref> references, String reproduction) {
        public boolean hasSamples() {
            return !samples.isEmpty();
        }

        public boolean hasControls() {
            return !controls.isEmpty();
        }
    }

    /** An id or name, with its catalog page when there is one ({@code linked}) and a tooltip name. */
    public record Ref(String text, String name, String url, boolean linked) {
        public static Ref plain(String text, String name) {
            return new Ref(text, name, null, false);
        }

        public static Ref link(String text, String name, String url) {
            return new Ref(text, name, url, true);
        }
    }

    public record NotTestedView(String check, String target, String reason) {
    }
}
