package dev.bulwark.report.html;

import dev.bulwark.core.Severity;
import java.util.Map;

/** Horizontal bars: how many findings of each severity, with the count written beside each bar. */
final class SeverityChart {
    private static final int LABEL_WIDTH = 80;
    private static final int BAR_WIDTH = 300;
    private static final int ROW = 28;

    private SeverityChart() {
    }

    static String render(Map<Severity, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        var svg = new Svg(LABEL_WIDTH + BAR_WIDTH + 50, Severity.values().length * ROW + 8, "Findings by severity");
        int y = 4;
        for (Severity severity : Severity.values()) {
            int count = counts.getOrDefault(severity, 0);
            double width = max == 0 ? 0 : Math.max(count == 0 ? 0 : 3, (double) BAR_WIDTH * count / max);
            svg.text(LABEL_WIDTH - 8, y + 17, severity.label(), "label", "end");
            svg.rect(LABEL_WIDTH, y + 3, BAR_WIDTH, ROW - 8, Palette.TRACK, null);
            if (width > 0) svg.rect(LABEL_WIDTH, y + 3, width, ROW - 8, Palette.severity(severity),
                    count + " " + severity.label());
            svg.text(LABEL_WIDTH + width + 6, y + 17, String.valueOf(count), "value", "start");
            y += ROW;
        }
        return svg.end();
    }
}
