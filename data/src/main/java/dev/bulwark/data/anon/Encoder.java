package dev.bulwark.data.anon;

import dev.bulwark.data.table.DataInputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Turns one quasi-identifier column into a {@link Dimension}: a dictionary of its distinct values, the type from
 * the hierarchy file or else from the values, then every row's code. A blank value counts as missing.
 */
final class Encoder {
    private Encoder() {
    }

    static boolean missing(String value) {
        return value == null || value.isBlank();
    }

    static Dimension encode(Path file, String column, List<String[]> rows, int index, Hierarchies hierarchies) {
        int n = rows.size();
        var ids = new HashMap<String, Integer>();
        var distinct = new ArrayList<String>();
        int[] idOf = new int[n];
        boolean hasMissing = false;
        for (int r = 0; r < n; r++) {
            String v = rows.get(r)[index];
            if (missing(v)) {
                idOf[r] = -1;
                hasMissing = true;
                continue;
            }
            Integer id = ids.get(v);
            if (id == null) {
                id = distinct.size();
                ids.put(v, id);
                distinct.add(v);
            }
            idOf[r] = id;
        }
        Optional<QuasiType> forced = hierarchies.type(column);
        QuasiType type = forced.orElseGet(() -> QuasiType.detect(distinct));
        for (String v : distinct) {
            if (!type.accepts(v)) {
                throw new DataInputException(file + ": row " + (firstRow(idOf, ids.get(v)) + 1) + ": column " + column
                        + " holds \"" + v + "\", not " + article(type) + " (" + hierarchies.source() + " sets its type)");
            }
        }
        int[] rankOfId = new int[distinct.size()];
        int offset = hasMissing ? 1 : 0;
        Dimension dimension;
        int[] codes = new int[n];
        if (type == QuasiType.CATEGORICAL) {
            boolean withMissing = hasMissing;
            Hierarchy tree = hierarchies.hierarchy(column, withMissing)
                    .orElseGet(() -> Hierarchy.flat(distinct.stream().sorted().toList(), withMissing));
            for (int id = 0; id < distinct.size(); id++) {
                int leaf = tree.leaf(distinct.get(id));
                if (leaf < 0) {
                    throw new DataInputException(file + ": row " + (firstRow(idOf, id) + 1) + ": value \""
                            + distinct.get(id) + "\" of column " + column + " is not in " + hierarchies.source());
                }
                rankOfId[id] = leaf;
            }
            for (int r = 0; r < n; r++) codes[r] = idOf[r] < 0 ? tree.missingLeaf() : rankOfId[idOf[r]];
            dimension = new CategoricalDimension(column, codes, tree);
        } else {
            double[] key = new double[distinct.size()];
            for (int id = 0; id < key.length; id++) key[id] = position(type, distinct.get(id), id);
            List<Integer> order = new ArrayList<>(distinct.size());
            for (int id = 0; id < key.length; id++) order.add(id);
            Comparator<Integer> byValue = type == QuasiType.CODE
                    ? Comparator.comparing(distinct::get)
                    : Comparator.<Integer>comparingDouble(id -> key[id]).thenComparing(distinct::get);
            order.sort(byValue);
            String[] text = new String[order.size() + offset];
            double[] position = new double[text.length];
            for (int rank = 0; rank < order.size(); rank++) {
                int id = order.get(rank);
                rankOfId[id] = rank + offset;
                text[rank + offset] = distinct.get(id);
                position[rank + offset] = type == QuasiType.CODE ? rank : key[id];
            }
            for (int r = 0; r < n; r++) codes[r] = idOf[r] < 0 ? 0 : rankOfId[idOf[r]];
            dimension = new OrderedDimension(column, type, codes, text, position, hasMissing);
        }
        return dimension;
    }

    private static double position(QuasiType type, String value, int id) {
        return switch (type) {
            case NUMERIC -> Double.parseDouble(value);
            case DATE -> LocalDate.parse(value).toEpochDay();
            default -> id;
        };
    }

    private static int firstRow(int[] idOf, int id) {
        for (int r = 0; r < idOf.length; r++) if (idOf[r] == id) return r;
        return -1;
    }

    private static String article(QuasiType type) {
        return switch (type) {
            case NUMERIC -> "a number";
            case DATE -> "a yyyy-mm-dd date";
            case CODE -> "a digit code";
            case CATEGORICAL -> "a category";
        };
    }
}
