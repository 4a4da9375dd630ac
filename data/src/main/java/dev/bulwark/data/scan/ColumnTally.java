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
 * row), a few distinct values and value shapes for quasi-identifier detection. Tallies of the same column from
 * several workers {@link #merge} into one, the same whatever the split.
 */
final class ColumnTally {
    static final int EXAMPLES = 3;
    /** Distinct values remembered for shape checks; a column with more is not a small categorical one. */
    static final int SMALL_DISTINCT = 32;
    private static final Pattern POSTCODE = Pattern.compile(
            "[0-9]{5}(?:-[0-9]{4})?|[0-9]{4}|[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}");

    /** One masked example and the row it came from (examples keep the earliest rows). */
    record Example(long row, String masked) {
    }

    long nonEmpty;
    long postcodeShaped;
    long totalChars;
    final Map<EntityType, Long> cells = new EnumMap<>(EntityType.class);
    final Map<EntityType, List<Example>> examples = new EnumMap<>(EntityType.class);
    final Set<String> small = new LinkedHashSet<>();
    boolean manyDistinct;

    void add(long row, String value, CellScanner scanner) {
        if (value == null || value.isBlank()) return;
        nonEmpty++;
        totalChars += value.length();
        if (!manyDistinct && !small.contains(value)) {
            if (small.size() < SMALL_DISTINCT) small.add(value);
            else manyDistinct = true;
        }
        if (value.length() <= 10 && POSTCODE.matcher(value).matches()) postcodeShaped++;
        CellScanner.Hits hits = scanner.scan(value);
        if (hits.isEmpty()) return;
        Set<EntityType> seen = EnumSet.noneOf(EntityType.class);
        for (int i = 0; i < hits.types().length; i++) {
            EntityType type = hits.types()[i];
            if (seen.add(type)) cells.merge(type, 1L, Long::sum);
            String masked = hits.masked()[i];
            List<Example> list = examples.computeIfAbsent(type, t -> new ArrayList<>(EXAMPLES));
            if (list.size() < EXAMPLES && list.stream().noneMatch(e -> e.masked().equals(masked))) {
                list.add(new Example(row, masked));
            }
        }
    }

    void merge(ColumnTally other) {
        nonEmpty += other.nonEmpty;
        postcodeShaped += other.postcodeShaped;
        totalChars += other.totalChars;
        other.cells.forEach((type, n) -> cells.merge(type, n, Long::sum));
        other.examples.forEach((type, list) -> {
            var all = new ArrayList<>(examples.getOrDefault(type, List.of()));
            all.addAll(list);
            all.sort(java.util.Comparator.comparingLong(Example::row));
            var distinct = new ArrayList<Example>();
            for (Example e : all) {
                if (distinct.size() < EXAMPLES && distinct.stream().noneMatch(d -> d.masked().equals(e.masked()))) {
                    distinct.add(e);
                }
            }
            examples.put(type, distinct);
        });
        manyDistinct |= other.manyDistinct;
        for (String v : other.small) {
            if (manyDistinct) break;
            if (small.size() < SMALL_DISTINCT || small.contains(v)) small.add(v);
            else manyDistinct = true;
        }
    }
}
