package dev.bulwark.data.anon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tests' own count of k and l, written apart from {@link EquivalenceClasses} so a bug in one does not hide in
 * the other, plus the checks every anonymized output must pass.
 */
final class Recount {
    private Recount() {
    }

    /** Asserts k-anonymity, l-diversity and that every non-QI cell equals the input's, row by row. */
    static void assertAnonymous(List<String> columns, List<String[]> in, List<String[]> out, List<String> quasi,
                                String sensitive, int k, int l) {
        assertThat(out).hasSameSizeAs(in);
        List<Integer> qi = quasi.stream().map(columns::indexOf).toList();
        int s = sensitive == null ? -1 : columns.indexOf(sensitive);
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, Set<String>> values = new HashMap<>();
        for (String[] row : out) {
            var key = new StringBuilder();
            for (int c : qi) key.append(row[c] == null ? "\u0001" : row[c]).append('\u0000');
            sizes.merge(key.toString(), 1, Integer::sum);
            Set<String> set = values.computeIfAbsent(key.toString(), x -> new HashSet<>());
            if (s >= 0 && row[s] != null && !row[s].isBlank()) set.add(row[s]);
        }
        assertThat(sizes.values()).as("class sizes").allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(k));
        if (l > 1) {
            assertThat(values.values()).as("distinct sensitive values per class")
                    .allSatisfy(set -> assertThat(set.size()).isGreaterThanOrEqualTo(l));
        }
        for (int r = 0; r < in.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (qi.contains(c)) continue;
                assertThat(out.get(r)[c]).as("row %d column %s", r, columns.get(c)).isEqualTo(in.get(r)[c]);
            }
        }
    }

    /** Whether {@code label} is a generalization of {@code value} for the given type (categories: flat). */
    static boolean covers(QuasiType type, String label, String value) {
        if (Objects.equals(label, value)) return true;
        if ("*".equals(label)) return true;
        if (label == null || value == null || value.isBlank()) return false;
        return switch (type) {
            case NUMERIC -> {
                int at = label.indexOf("..") > 0 ? label.indexOf("..") : label.indexOf('-', 1);
                if (at < 0) yield false;
                double lo = Double.parseDouble(label.substring(0, at));
                double hi = Double.parseDouble(label.substring(at + (label.startsWith("..", at) ? 2 : 1)));
                double x = Double.parseDouble(value);
                yield lo <= x && x <= hi;
            }
            case DATE -> label.length() == 9
                    ? Integer.parseInt(label.substring(0, 4)) <= Integer.parseInt(value.substring(0, 4))
                    && Integer.parseInt(value.substring(0, 4)) <= Integer.parseInt(label.substring(5))
                    : value.startsWith(label) && (label.length() == 4 || label.length() == 7);
            case CODE -> {
                if (label.length() != value.length()) yield false;
                for (int i = 0; i < label.length(); i++) {
                    if (label.charAt(i) != '*' && label.charAt(i) != value.charAt(i)) yield false;
                }
                yield true;
            }
            case CATEGORICAL -> false;
        };
    }

    static List<String[]> copy(List<String[]> rows) {
        var out = new ArrayList<String[]>();
        for (String[] row : rows) out.add(row.clone());
        return out;
    }
}
