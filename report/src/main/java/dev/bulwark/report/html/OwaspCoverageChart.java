package dev.bulwark.report.html;

import dev.bulwark.kb.CatalogEntry;
import java.util.List;
import java.util.Map;

/**
 * OWASP Top 10 for LLM Applications 2025, one row per entry: with findings (how many), tested with nothing
 * found, or not tested. "Not tested" is shown as such, never as safe.
 */
final class OwaspCoverageChart {
    private static final int LABEL_WIDTH = 330;
    private static final int BOX_WIDTH = 150;
    private static final int ROW = 26;

    private OwaspCoverageChart() {
    }

    /**
     * @param entries  LLM01..LLM10 with their names
     * @param coverage id → "tested" / "not tested" (absent means not tested)
     * @param findings id → number of findings mapped to it
     */
    static String render(List<CatalogEntry> entries, Map<String, String> coverage, Map<String, Integer> findings) {
        var svg = new Svg(LABEL_WIDTH + BOX_WIDTH + 10, entries.size() * ROW + 8, "OWASP LLM Top 10 2025 coverage");
        int y = 4;
        for (CatalogEntry entry : entries) {
            int count = findings.getOrDefault(entry.id(), 0);
            boolean tested = "tested".equals(coverage.get(entry.id()));
            String status = count > 0 ? count + (count == 1 ? " finding" : " findings")
                    : tested ? "tested, none found" : "not tested";
            String fill = count > 0 ? Palette.WITH_FINDINGS : tested ? Palette.TESTED : Palette.NOT_TESTED;
            svg.text(LABEL_WIDTH - 8, y + 17, Svg.fit(entry.id() + " " + entry.name(), 46), "label", "end");
            svg.rect(LABEL_WIDTH, y + 3, BOX_WIDTH, ROW - 6, fill, entry.id() + " " + entry.name() + ": " + status);
            svg.text(LABEL_WIDTH + BOX_WIDTH / 2.0, y + 17, status, "on-dark", "middle");
            y += ROW;
        }
        return svg.end();
    }
}
