package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.correlate.Assessment;
import dev.bulwark.report.html.HtmlReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
    private static HtmlReportWriter writer;
    private static String html;

    @BeforeAll
    static void render() {
        writer = new HtmlReportWriter(Fixtures.kb());
        html = writer.render(Fixtures.assessment(), Fixtures.TOOL);
    }

    @Test
    void attackerControlledEvidenceIsEscaped() {
        assertThat(html).doesNotContain("<script>alert('pwned')</script>")
                .doesNotContain("<img src=x onerror")
                .contains("&lt;script&gt;alert(")
                .doesNotContain("<img")
                .contains("&lt;img src");
        // the engagement name and a finding title carry markup too
        assertThat(html).contains("Molly&#39;s Bakery &lt;support bot&gt;").doesNotContain("<support bot>");
        assertThat(html).doesNotContain("<b>\"").contains("&lt;b&gt;");
    }

    @Test
    void noScriptAtAllAndNothingRemote() {
        assertThat(html).doesNotContainPattern(Pattern.compile("<script", Pattern.CASE_INSENSITIVE));
        assertThat(html).doesNotContainPattern(Pattern.compile("src\\s*=\\s*[\"']?\\s*(https?:)?//",
                Pattern.CASE_INSENSITIVE));
        assertThat(html).doesNotContainPattern(Pattern.compile("<link[^>]+href", Pattern.CASE_INSENSITIVE));
        assertThat(html).doesNotContain("src=\"http").doesNotContain("@import")
                .doesNotContainPattern(Pattern.compile("url\\(\\s*['\"]?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE));
        assertThat(html).contains("<style>").startsWith("<!DOCTYPE html>");
    }

    @Test
    void headerSaysIncompleteOrComplete() {
        assertThat(html).contains("Incomplete run").contains("812 requests").contains("1 May 2025");
        String complete = writer.render(Fixtures.assessment(true), Fixtures.TOOL);
        assertThat(complete).contains("Complete run").doesNotContain("Incomplete run");
    }

    @Test
    void executiveSummaryHasCountsTopRisksAndTheFixList() {
        assertThat(html).contains("5 finding(s) and 3 threat scenario(s)");
        assertThat(html).containsPattern("<b>1</b>critical");
        assertThat(html).contains("S-1 Customer data exfiltration through the assistant", "Act now");
        assertThat(html).containsPattern("Require authentication on every AI endpoint</b>: switch on <em>bulwark guard: auth</em>");
    }

    @Test
    void fixListSaysOnlyWhatThereIsAndKeepsDetectiveControlsApart() {
        String fixes = html.substring(html.indexOf("What to fix first"), html.indexOf("id=\"charts\""));
        String text = fixes.replaceAll("<[^>]+>", "");
        assertThat(text).contains("Require authentication on every AI endpoint: switch on bulwark guard: auth. "
                        + "Breaks scenario S-1; fixes F-0001.")
                .contains("Encrypt traffic with TLS: switch on bulwark guard: TLS termination. Fixes F-0005.")
                .doesNotContainPattern("(?i)breaks scenarios?\\s*[;.]").doesNotContainPattern("(?i)fixes\\s*\\.")
                .doesNotContain(", .").doesNotContain(", ;");
        // ids link to their cards and do not break across lines
        assertThat(fixes).contains("<a class=\"id\" href=\"#S-1\">S-1</a>; fixes <a class=\"id\" href=\"#F-0001\">F-0001</a>.");
        // the audit log only notices the attack: it is in the second list, numbered on, and does not "break" S-1
        assertThat(fixes).containsPattern("<ol class=\"fixes\" start=\"4\">\\s*<li><b>Audit log of AI traffic</b>")
                .contains("<span class=\"kind\">detective</span>");
        assertThat(text).contains("Detects scenario S-1; helps with F-0001, F-0002.");
        assertThat(fixes.indexOf("Audit log of AI traffic")).isGreaterThan(fixes.indexOf("Encrypt traffic with TLS"));
    }

    @Test
    void headerTimesAreReadable() {
        assertThat(html).contains("1 May 2025 &middot; started 09:00:00 UTC, finished 09:04:12 UTC")
                .doesNotContain("2025-05-01T09");
    }

    @Test
    void scenarioCardsJoinListsWithoutTrailingSeparatorsAndNameTheThreatActors() {
        String s1 = html.substring(html.indexOf("<article class=\"scenario\" id=\"S-1\""));
        s1 = s1.substring(0, s1.indexOf("</article>"));
        assertThat(s1).contains("<dt>Threat actors</dt><dd>cybercriminals</dd>")
                .contains("<dt>Targets</dt><dd>form, bot</dd>")
                .contains("<dt>Assets at risk</dt><dd>customer-data</dd>")
                .contains("<a class=\"id\" href=\"#F-0001\">F-0001</a>, <a class=\"id\" href=\"#F-0002\">F-0002</a>, "
                        + "<a class=\"id\" href=\"#F-0003\">F-0003</a></dd>")
                .containsPattern("<dt>Controls that break it</dt><dd><span title=\"authentication\">[^<]+</span>; "
                        + "<span title=\"input-filtering\">[^<]+</span>; <span title=\"output-filtering\">[^<]+</span></dd>")
                .contains("<dt>Controls that detect it</dt><dd><span title=\"audit-logging\">Audit log of AI traffic</span></dd>")
                .doesNotContain("; </dd>").doesNotContain(", </dd>");
        // S-3 has no asset and no control: no empty row, no "none"
        String s3 = html.substring(html.indexOf("<article class=\"scenario\" id=\"S-3\""));
        s3 = s3.substring(0, s3.indexOf("</article>"));
        assertThat(s3).doesNotContain("Assets at risk").doesNotContain("Controls that").doesNotContain("none")
                .contains("<dt>Threat actors</dt><dd>competitors</dd>");
    }

    @Test
    void findingControlsAreJoinedWithoutATrailingSeparator() {
        assertThat(html).doesNotContain("</span>; </p>");
        assertThat(html).containsPattern("<p>Controls: <span title=\"[^\"]+\">[^<]+</span>(; <span title=\"[^\"]+\">[^<]+</span>)*\\.</p>");
    }

    @Test
    void fourKindsOfInlineSvgChart() {
        assertThat(html).contains("aria-label=\"Findings by severity\"", "aria-label=\"Risk matrix: impact by likelihood\"",
                "aria-label=\"OWASP LLM Top 10 2025 coverage\"", "aria-label=\"Attack path\"");
        // one attack-path graph per scenario that has a path (S-3 has none)
        assertThat(Pattern.compile("aria-label=\"Attack path\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("marker-end=\"url(#arrow-S-1)\"");
    }

    @Test
    void attackPathColumnsFollowTheKillChain() {
        var kb = Fixtures.kb();
        int start = html.indexOf("aria-label=\"Attack path\"");
        String graph = html.substring(start, html.indexOf("</svg>", start));
        var tactics = Pattern.compile("class=\"tactic\" text-anchor=\"middle\">([^<]+)</text>").matcher(graph)
                .results().map(m -> m.group(1)).toList();
        assertThat(tactics).hasSizeBetween(2, 3);
        var order = tactics.stream().map(name -> kb.tacticsOf("AML.T0040").stream()
                .filter(t -> t.name().equals(name)).findFirst()
                .or(() -> kb.tacticsOf("AML.T0051.000").stream().filter(t -> t.name().equals(name)).findFirst())
                .or(() -> kb.tacticsOf("AML.T0057").stream().filter(t -> t.name().equals(name)).findFirst())
                .map(t -> kb.killChainOrder(t.id())).orElseThrow()).toList();
        assertThat(order).isSorted();
        assertThat(graph).contains(">AML.T0040<", ">AML.T0051.000<", ">AML.T0057<");
    }

    @Test
    void mappingIdsLinkToTheirCatalogPages() {
        String cweUrl = Fixtures.kb().lookup("CWE-1427").orElseThrow().url();
        String atlasUrl = Fixtures.kb().lookup("AML.T0057").orElseThrow().url();
        assertThat(cweUrl).startsWith("https://");
        assertThat(html).contains("<a href=\"" + cweUrl + "\"", ">CWE-1427</a>");
        assertThat(html).contains("<a href=\"" + atlasUrl + "\"", ">AML.T0057</a>");
        assertThat(html).contains(">LLM01</a>");
    }

    @Test
    void everyFindingWithMaskedEvidenceCvssAndRemediation() {
        for (int i = 1; i <= 5; i++) assertThat(html).contains("id=\"F-000" + i + "\"");
        assertThat(html).contains(Fixtures.MASKED_EMAIL).doesNotContain("jane.doe@example.com");
        assertThat(html).contains(Fixtures.CVSS_VECTOR, "8.2");
        assertThat(html).contains("5 of 12 succeeded (42%)");
        assertThat(html).containsPattern("<p class=\"muted\">More evidence \\(masked\\)</p>\\s*<pre>");
        assertThat(html).contains("Fix it: Assistant follows injected instructions.");
        assertThat(html).contains("models/my model.pkl!archive/data.pkl, line 3, offset 28");
        assertThat(html).contains("<span class=\"badge critical\">critical</span>");
    }

    @Test
    void onlyWebReferencesBecomeLinks() {
        assertThat(html).doesNotContain("href=\"javascript:").contains("javascript:alert(1)")
                .contains("<a href=\"https://example.org/advisory\">");
    }

    @Test
    void notTestedChecksAndRunProblemsAreListed() {
        assertThat(html).contains("<td>llm.system-prompt-leak</td><td>bot</td>")
                .contains("HTTP 429 &lt;rate limited&gt;")
                .contains("target form: 3 timeouts");
    }

    @Test
    void attributionFooter() {
        assertThat(html).contains("MITRE CWE", "MITRE ATLAS", "OWASP Top 10 for LLM Applications 2025");
    }

    @Test
    void printable() {
        assertThat(html).contains("@media print", "break-inside: avoid");
    }

    @Test
    void anEmptyAssessmentStillRenders(@TempDir Path dir) throws IOException {
        var full = Fixtures.assessment(true);
        var empty = new Assessment(full.run().withFindings(java.util.List.of()), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.Map.of());
        writer.write(empty, Fixtures.TOOL, dir);
        String text = Files.readString(dir.resolve("report.html"));
        assertThat(text).contains("No finding.", "No control to recommend.", "not tested");
    }
}
