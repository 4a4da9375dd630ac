package dev.bulwark.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.correlate.Level;
import dev.bulwark.correlate.Risk;
import dev.bulwark.correlate.Scenario;
import dev.bulwark.kb.CatalogEntry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class ChartsTest {

    /** x and y of the {@code <text>} element whose content is exactly {@code content}. */
    private static double[] textAt(String svg, String content) {
        Matcher m = Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*>" + Pattern.quote(content) + "</text>")
                .matcher(svg);
        assertThat(m.find()).as("text '%s' in %s", content, svg).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static void assertWellFormedXml(String svg) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Scenario scenario(String id, Level impact, Level likelihood) {
        return new Scenario(id, "title of " + id, "", List.of(), List.of(), List.of(), List.of(), List.of(), impact,
                likelihood, Risk.of(impact, likelihood), List.of());
    }

    @Test
    void riskMatrixPutsEachScenarioInItsQuadrant() throws Exception {
        String svg = RiskMatrixChart.render(List.of(scenario("S-1", Level.HIGH, Level.HIGH),
                scenario("S-2", Level.HIGH, Level.LOW), scenario("S-3", Level.LOW, Level.HIGH),
                scenario("S-4", Level.LOW, Level.LOW)));
        assertWellFormedXml(svg);
        double[] now = textAt(svg, "S-1");
        double[] plan = textAt(svg, "S-2");
        double[] monitor = textAt(svg, "S-3");
        double[] document = textAt(svg, "S-4");
        // likelihood grows to the right, impact grows upwards
        assertThat(now[0]).isGreaterThan(plan[0]);
        assertThat(monitor[0]).isGreaterThan(document[0]);
        assertThat(now[1]).isLessThan(monitor[1]);
        assertThat(plan[1]).isLessThan(document[1]);
        assertThat(svg).contains(">act now<", ">plan a mitigation<", ">accept and monitor<", ">document<");
    }

    @Test
    void riskMatrixSummarisesOverflowingQuadrants() {
        var many = new java.util.ArrayList<Scenario>();
        for (int i = 1; i <= 12; i++) many.add(scenario("S-" + i, Level.HIGH, Level.HIGH));
        String svg = RiskMatrixChart.render(many);
        assertThat(svg).contains(">S-8<").doesNotContain(">S-9<").contains(">+4<");
    }

    @Test
    void severityBarsAreProportionalAndLabelled() throws Exception {
        var counts = new EnumMap<Severity, Integer>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        counts.put(Severity.HIGH, 4);
        counts.put(Severity.LOW, 2);
        String svg = SeverityChart.render(counts);
        assertWellFormedXml(svg);
        assertThat(svg).contains("<title>4 high</title>", "<title>2 low</title>").doesNotContain("0 critical</title>");
        Matcher high = Pattern.compile("width=\"([0-9.]+)\"[^>]*fill=\"" + Palette.severity(Severity.HIGH)).matcher(svg);
        Matcher low = Pattern.compile("width=\"([0-9.]+)\"[^>]*fill=\"" + Palette.severity(Severity.LOW)).matcher(svg);
        assertThat(high.find()).isTrue();
        assertThat(low.find()).isTrue();
        assertThat(Double.parseDouble(high.group(1))).isEqualTo(2 * Double.parseDouble(low.group(1)));
    }

    @Test
    void owaspCoverageDistinguishesFindingsTestedAndNotTested() throws Exception {
        var entries = List.of(entry("LLM01", "Prompt Injection"), entry("LLM02", "Sensitive Information Disclosure"),
                entry("LLM03", "Supply Chain"));
        String svg = OwaspCoverageChart.render(entries, Map.of("LLM01", "tested", "LLM02", "tested"),
                Map.of("LLM01", 2));
        assertWellFormedXml(svg);
        assertThat(svg).contains("LLM01 Prompt Injection: 2 findings", "LLM02 Sensitive Information Disclosure: tested, none found",
                "LLM03 Supply Chain: not tested");
    }

    private static CatalogEntry entry(String id, String name) {
        return new CatalogEntry(CatalogEntry.Catalog.OWASP_LLM_2025, id, name, "", "https://example.org/" + id);
    }

    @Test
    void attackPathRunsLeftToRightAlongTactics() throws Exception {
        String svg = AttackPathGraph.render(List.of(
                new AttackPathGraph.Node("AML.T0040", "AI Model Inference API Access", "AI Model Access"),
                new AttackPathGraph.Node("AML.T0051.000", "Direct", "Execution"),
                new AttackPathGraph.Node("AML.T0054", "Jailbreak", "Execution"),
                new AttackPathGraph.Node("AML.T0057", "Data Leakage", "Exfiltration")), "arrow-S-1");
        assertWellFormedXml(svg);
        double[] access = textAt(svg, "AI Model Access");
        double[] execution = textAt(svg, "Execution");
        double[] exfiltration = textAt(svg, "Exfiltration");
        assertThat(access[0]).isLessThan(execution[0]);
        assertThat(execution[0]).isLessThan(exfiltration[0]);
        // two techniques of one tactic share a column, stacked
        double[] direct = textAt(svg, "AML.T0051.000");
        double[] jailbreak = textAt(svg, "AML.T0054");
        assertThat(direct[0]).isEqualTo(jailbreak[0]);
        assertThat(direct[1]).isLessThan(jailbreak[1]);
        assertThat(Pattern.compile("class=\"edge\"").matcher(svg).results().count()).isEqualTo(3);
    }

    @Test
    void chartTextIsEscaped() throws Exception {
        String svg = AttackPathGraph.render(List.of(new AttackPathGraph.Node("AML.T0001", "<script>x</script>",
                "\"><b>")), "m");
        assertWellFormedXml(svg);
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;");
        String matrix = RiskMatrixChart.render(List.of(scenario("<i>&", Level.HIGH, Level.HIGH)));
        assertWellFormedXml(matrix);
        assertThat(matrix).doesNotContain("<i>");
    }

    @Test
    void longTechniqueNamesWrapOntoTwoLinesInsideTheirBox() throws Exception {
        String svg = AttackPathGraph.render(List.of(
                new AttackPathGraph.Node("AML.T0040", "AI Model Inference API Access", "AI Model Access"),
                new AttackPathGraph.Node("AML.T0051.000", "LLM Prompt Injection: Direct", "Execution"),
                new AttackPathGraph.Node("AML.T0099", "A very long technique name that cannot possibly fit into two"
                        + " lines of the node box at all", "Exfiltration")), "m");
        assertWellFormedXml(svg);
        // the names are shown whole, not cut after 25 characters
        textAt(svg, "AI Model Inference API Access");
        textAt(svg, "LLM Prompt Injection: Direct");
        var lines = Pattern.compile("class=\"node-name\" text-anchor=\"middle\">([^<]*)</text>").matcher(svg)
                .results().map(m -> m.group(1)).toList();
        assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(31));
        assertThat(lines.get(2)).isEqualTo("A very long technique name that");
        assertThat(lines.get(3)).endsWith("…");
        // every line sits inside its box
        var box = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"")
                .matcher(svg).results().toList().get(2);
        double top = Double.parseDouble(box.group(2));
        double bottom = top + Double.parseDouble(box.group(4));
        double[] last = textAt(svg, lines.get(3));
        assertThat(last[1]).isGreaterThan(top).isLessThan(bottom);
    }

    @Test
    void wrapBreaksAtSpacesAndCutsWhatDoesNotFit() {
        assertThat(Svg.wrap("Direct", 10, 2)).containsExactly("Direct");
        assertThat(Svg.wrap("one two three four", 9, 2)).containsExactly("one two", "three fo…");
        assertThat(Svg.wrap("Supercalifragilistic", 8, 2)).containsExactly("Superca…");
        assertThat(Svg.wrap("  ", 8, 2)).isEmpty();
        assertThat(Svg.wrap(null, 8, 2)).isEmpty();
    }
}
