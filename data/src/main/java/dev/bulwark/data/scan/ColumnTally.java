package dev.bulwark.data.scan;

import dev.bulwark.detect.EntityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one worker saw in one column: non-empty cells, cells per entity type with the first masked examples (by
 * row), a few distinct values and value shapes for quasi-identifier detection. It is fed distinct values weighted
 * by how many cells hold them, in any order, and its result is the same as if it had read every cell in row order:
 * counts are weighted sums, and examples are kept as the {@link #EXAMPLES} distinct masked values that occur
 * first (by row, then by position in the cell), which no feeding order changes. Tallies of the same column from
 * several workers {@link #merge} into one, the same whatever the split.
 */
final class ColumnTally {
    static final int EXAMPLES = 3;
    /** Distinct values remembered for shape checks; a column with more is not a small categorical one. */
    static final int SMALL_DISTINCT = 32;
    private static final Pattern POSTCODE = Pattern.compile(
            "[0-9]{5}(?:-[0-9]{4})?|[0-9]{4}|[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}");

    /** One masked example, the first row it came from and its place among that cell's entities. */
    record Example(long row, int index, String masked) {
        boolean before(Example other) {
            return row < other.row || row == other.row && index < other.index;
        }
    }

    long nonEmpty;
    long postcodeShaped;
    long totalChars;
    final Map<EntityType, Long> cells = new EnumMap<>(EntityType.class);
    final Map<EntityType, List<Example>> examples = new EnumMap<>(EntityType.class);
    final Set<String> small = new LinkedHashSet<>();
    boolean manyDistinct;

    /** Adds {@code count} cells holding {@code value}, the first of them in row {@code row}. */
    void add(long row, String value, long count, CellScanner scanner) {
        if (value == null || value.isBlank()) return;
        nonEmpty += count;
        totalChars += value.length() * count;
        if (!manyDistinct && !small.contains(value)) {
            if (small.size() < SMALL_DISTINCT) small.add(value);
            else manyDistinct = true;
        }
        if (value.length() <= 10 && POSTCODE.matcher(value).matches()) postcodeShaped += count;
        CellScanner.Hits hits = scanner.scan(value);
        if (hits.isEmpty()) return;
        Set<EntityType> seen = EnumSet.noneOf(EntityType.class);
        for (int i = 0; i < hits.types().length; i++) {
            EntityType type = hits.types()[i];
            if (seen.add(type)) cells.merge(type, count, Long::sum);
            offer(type, new Example(row, i, hits.masked()[i]));
        }
    }

    /** Keeps {@code example} if it is among the first distinct masked values of its type seen so far. */
    private void offer(EntityType type, Example example) {
        List<Example> list = examples.computeIfAbsent(type, t -> new ArrayList<>(EXAMPLES + 1));
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).masked().equals(example.masked())) continue;
            if (!example.before(list.get(i))) return;
            list.remove(i);
            break;
        }
        int at = 0;
        while (at < list.size() && list.get(at).before(example)) at++;
        if (at >= EXAMPLES) return;
        list.add(at, example);
        if (list.size() > EXAMPLES) list.remove(EXAMPLES);
    }

    void merge(ColumnTally other) {
        nonEmpty += other.nonEmpty;
        postcodeShaped += other.postcodeShaped;
        totalChars += other.totalChars;
        other.cells.forEach((type, n) -> cells.merge(type, n, Long::sum));
        other.examples.forEach((type, list) -> list.forEach(e -> offer(type, e)));
        manyDistinct |= other.manyDistinct;
        for (String v : other.small) {
            if (manyDistinct) break;
            if (small.size() < SMALL_DISTINCT || small.contains(v)) small.add(v);
            else manyDistinct = true;
        }
    }
}
