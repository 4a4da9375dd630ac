package dev.bulwark.report.html;

import dev.bulwark.correlate.Risk;
import dev.bulwark.correlate.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * The book's 2×2 risk matrix: likelihood across, impact up; each scenario's id sits in the quadrant of its risk
 * (top right = act now). Placement uses the scenario's own rating, so the chart cannot disagree with the text.
 */
final class RiskMatrixChart {
    private static final int LEFT = 60;
    private static final int TOP = 10;
    private static final int CELL_W = 200;
    private static final int CELL_H = 120;
    private static final int CHIP_W = 56;
    private static final int CHIP_H = 22;
    private static final int PER_ROW = 3;
    private static final int MAX_CHIPS = 9;

    private RiskMatrixChart() {
    }

    static String render(List<Scenario> scenarios) {
        var byRisk = new EnumMap<Risk, List<Scenario>>(Risk.class);
        for (Risk r : Risk.values()) byRisk.put(r, new ArrayList<>());
        for (Scenario s : scenarios) byRisk.get(s.risk()).add(s);

        var svg = new Svg(LEFT + 2 * CELL_W + 10, TOP + 2 * CELL_H + 50, "Risk matrix: impact by likelihood");
        quadrant(svg, Risk.PLAN, 0, 0, "plan a mitigation", byRisk);
        quadrant(svg, Risk.IMMEDIATE, 1, 0, "act now", byRisk);
        quadrant(svg, Risk.DOCUMENT, 0, 1, "document", byRisk);
        quadrant(svg, Risk.ACCEPT_AND_MONITOR, 1, 1, "accept and monitor", byRisk);
        svg.text(LEFT + CELL_W / 2.0, TOP + 2 * CELL_H + 18, "low", "axis", "middle");
        svg.text(LEFT + CELL_W * 1.5, TOP + 2 * CELL_H + 18, "high", "axis", "middle");
        svg.text(LEFT + CELL_W, TOP + 2 * CELL_H + 40, "likelihood", "axis-title", "middle");
        svg.text(LEFT - 8, TOP + CELL_H / 2.0 + 4, "high", "axis", "end");
        svg.text(LEFT - 8, TOP + CELL_H * 1.5 + 4, "low", "axis", "end");
        svg.verticalText(16, TOP + CELL_H, "impact", "axis-title");
        return svg.end();
    }

    private static void quadrant(Svg svg, Risk risk, int col, int row, String label,
                                 EnumMap<Risk, List<Scenario>> byRisk) {
        double x = LEFT + col * CELL_W;
        double y = TOP + row * CELL_H;
        List<Scenario> in = byRisk.get(risk);
        svg.rect(x + 2, y + 2, CELL_W - 4, CELL_H - 4, Palette.risk(risk), label + ": " + in.size() + " scenario(s)");
        svg.text(x + 10, y + 20, label, "quadrant", "start");
        for (int i = 0; i < Math.min(in.size(), MAX_CHIPS); i++) {
            boolean last = i == MAX_CHIPS - 1 && in.size() > MAX_CHIPS;
            double cx = x + 10 + (i % PER_ROW) * (CHIP_W + 6);
            double cy = y + 32 + (i / PER_ROW) * (CHIP_H + 6);
            Scenario s = in.get(i);
            svg.rect(cx, cy, CHIP_W, CHIP_H, "#ffffff", "#455a64", last ? null : s.id() + ": " + s.title());
            svg.text(cx + CHIP_W / 2.0, cy + 15, last ? "+" + (in.size() - MAX_CHIPS + 1) : Svg.fit(s.id(), 7),
                    "chip", "middle");
        }
    }
}
