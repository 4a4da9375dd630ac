package dev.bulwark.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's attack path: ATLAS technique nodes laid out left to right in columns, one column per tactic (in
 * the order the path reaches them), the tactic's name above its column, arrows following the path.
 */
final class AttackPathGraph {
    private static final int COL_W = 230;
    private static final int NODE_W = 196;
    private static final int NODE_H = 62;
    /** Technique names run up to ~60 characters; two lines of this many fit the box at the node-name font size. */
    private static final int NAME_CHARS = 31;
    private static final int ROW_GAP = 18;
    private static final int TOP = 34;

    /** One step of the path; {@code tactic} is the ATLAS tactic name (or a placeholder when unknown). */
    record Node(String id, String name, String tactic) {
    }

    private AttackPathGraph() {
    }

    /** {@code markerId} must be unique in the page (several graphs share one document). */
    static String render(List<Node> path, String markerId) {
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        for (int i = 0; i < path.size(); i++) {
            columns.computeIfAbsent(path.get(i).tactic(), t -> new ArrayList<>()).add(i);
        }
        int rows = columns.values().stream().mapToInt(List::size).max().orElse(1);
        int width = Math.max(1, columns.size()) * COL_W + 10;
        int height = TOP + rows * NODE_H + (rows - 1) * ROW_GAP + 6;
        var svg = new Svg(width, height, "Attack path");
        svg.arrowMarker(markerId);

        double[][] pos = new double[path.size()][];
        int col = 0;
        for (var column : columns.entrySet()) {
            double x = 10 + col * COL_W;
            svg.text(x + NODE_W / 2.0, 18, Svg.fit(column.getKey(), 30), "tactic", "middle");
            int row = 0;
            for (int index : column.getValue()) {
                pos[index] = new double[] {x, TOP + row * (NODE_H + ROW_GAP)};
                row++;
            }
            col++;
        }
        for (int i = 0; i + 1 < path.size(); i++) edge(svg, pos[i], pos[i + 1], markerId);
        for (int i = 0; i < path.size(); i++) {
            Node node = path.get(i);
            double x = pos[i][0];
            double y = pos[i][1];
            svg.rect(x, y, NODE_W, NODE_H, Palette.NODE, "#3949ab",
                    node.id() + " " + node.name() + " (" + node.tactic() + ")");
            List<String> name = Svg.wrap(node.name(), NAME_CHARS, 2);
            // one line of name sits lower so the id and name stay centred in the box
            double idY = name.size() < 2 ? y + 25 : y + 19;
            svg.text(x + NODE_W / 2.0, idY, node.id(), "node-id", "middle");
            for (int line = 0; line < name.size(); line++) {
                svg.text(x + NODE_W / 2.0, idY + 17 + line * 14, name.get(line), "node-name", "middle");
            }
        }
        return svg.end();
    }

    private static void edge(Svg svg, double[] from, double[] to, String markerId) {
        if (from[0] == to[0]) {
            boolean down = to[1] > from[1];
            svg.arrow(from[0] + NODE_W / 2.0, down ? from[1] + NODE_H : from[1],
                    to[0] + NODE_W / 2.0, down ? to[1] : to[1] + NODE_H, markerId);
        } else {
            boolean right = to[0] > from[0];
            svg.arrow(right ? from[0] + NODE_W : from[0], from[1] + NODE_H / 2.0,
                    right ? to[0] : to[0] + NODE_W, to[1] + NODE_H / 2.0, markerId);
        }
    }
}
