package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.report.html.HtmlReportWriter;
import dev.bulwark.report.json.JsonReportWriter;
import dev.bulwark.report.md.MarkdownReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage per OWASP category with its reason, success per family, and the reproduction of each finding. */
class CoverageSummaryTest {
    @TempDir
    Path dir;

    @Test
    void everyCategorySaysWhyItIsOrIsNotTested() {
        var rows = CoverageSummary.categories(Fixtures.assessment(), Fixtures.kb());
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).satisfies(r -> {
            assertThat(r.id()).isEqualTo("LLM01");
            assertThat(r.status()).isEqualTo("tested");
            assertThat(r.why()).isEqualTo("by llm.prompt-injection");
        });
        assertThat(rows).filteredOn(r -> r.id().equals("LLM07")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("not tested");
            assertThat(r.why()).contains("could not reach a verdict").contains("llm.system-prompt-leak on bot")
                    .contains("HTTP 429");
        });
        assertThat(rows).filteredOn(r -> r.id().equals("LLM09")).singleElement()
                .satisfies(r -> assertThat(r.why()).contains("misinformation"));
        assertThat(rows).filteredOn(r -> r.id().equals("LLM06")).singleElement()
                .satisfies(r -> assertThat(r.why()).contains("no check of this run"));
    }

    @Test
    void familiesCarryHitsOverJudgedAttempts() {
        var families = CoverageSummary.families(Fixtures.assessment());
        assertThat(families).extracting(CoverageSummary.Family::family).contains("direct-prompt-injection");
        var injection = families.stream().filter(f -> f.family().equals("direct-prompt-injection")).findFirst().orElseThrow();
        assertThat(injection.decided()).isEqualTo(6);
        assertThat(injection.hits()).isEqualTo(1);
        assertThat(injection.rateText()).isEqualTo("17% (1/6)");
        // a family whose runs never reached a verdict comes last and shows no rate
        assertThat(families.get(families.size() - 1).decided()).isZero();
        assertThat(families.get(families.size() - 1).rateText()).isEqualTo("—");
    }

    @Test
    void theWritersShowCoverageFamiliesAndReproduction() throws Exception {
        var a = Fixtures.assessment();
        new JsonReportWriter().write(a, Fixtures.TOOL, dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("findings.json").toFile());
        assertThat(json.at("/findings/1/evidence/reproduction").asText()).startsWith("user: Ignore previous");
        assertThat(json.at("/findings/0/evidence/reproduction").isMissingNode()).isTrue();
        assertThat(json.at("/coverage/owaspLlmWhy/LLM01").asText()).isEqualTo("by llm.prompt-injection");
        assertThat(json.at("/coverage/families").size()).isGreaterThan(3);
        String md = MarkdownReportWriter.render(a, Fixtures.TOOL);
        assertThat(md).contains("## OWASP LLM 2025 coverage", "## Attack success by family", "## How to reproduce",
                "reply: Sure!");
        new HtmlReportWriter(Fixtures.kb()).write(a, Fixtures.TOOL, dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("OWASP LLM 2025 coverage", "Shortest reproduction", "by llm.prompt-injection")
                .doesNotContain("<script>alert('pwned')");
    }
}
