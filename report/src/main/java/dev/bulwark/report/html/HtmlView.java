package dev.bulwark.report.html;

import java.util.List;

/**
 * What the HTML template renders: plain strings, numbers, booleans and lists, already worded for a reader.
 * The template escapes every {@code {{value}}}; only the {@code svg}/{@code css} fields, which this module
 * generates itself, are inserted raw.
 */
public record HtmlView(Header header, Summary summary, Charts charts, List<ScenarioView> scenarios,
                       List<FindingView> findings, List<NotTestedView> notTested, List<String> errors,
                       String css) {

    public boolean hasNotTested() {
        return !notTested.isEmpty();
    }

    public record Header(String engagement, String date, String startedAt, String finishedAt, long requests,
                         boolean complete, String tool) {
    }

    public record Summary(int total, List<Count> counts, int scenarioCount, List<TopRisk> topRisks,
                          List<Fix> fixes) {
    }

    public record Count(String label, int count) {
    }

    public record TopRisk(String id, String title, String action, String why) {
    }

    public record Fix(int rank, String title, String feature, boolean hasFeature, String scenarios,
                      String findings) {
    }

    public record Charts(String severity, String riskMatrix, String owasp) {
    }

    public record ScenarioView(String id, String title, String narrative, String graph, boolean hasGraph,
                               String impact, String likelihood, String risk, String action, String targets,
                               String assets, List<Ref> findings, List<Ref> controls) {
        public boolean hasControls() {
            return !controls.isEmpty();
        }
    }

    public record FindingView(String id, String severity, String confidence, String title, String target,
                              String location, boolean hasLocation, String cvssVector, String cvssScore,
                              boolean hasCvss, List<Ref> ids, String description, String request,
                              String response, List<String> samples, int attempts, int successes, String rate,
                              String remediation, List<Ref> controls, List<Ref> references) {
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
