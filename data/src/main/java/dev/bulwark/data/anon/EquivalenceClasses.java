package dev.bulwark.data.anon;

import dev.bulwark.data.table.RowReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The k and l a table achieves: rows grouped by their quasi-identifier values (exactly as written, a missing value
 * being one value of its own); k is the smallest group's size, l the smallest number of distinct non-missing
 * sensitive values in a group (0 when no sensitive column is measured).
 *
 * @param rows     rows counted
 * @param classes  number of equivalence classes
 * @param k        size of the smallest class (0 for an empty table)
 * @param l        fewest distinct sensitive values in a class (0 without a sensitive column)
 * @param smallest up to {@link #SHOWN} smallest classes, smallest first
 */
public record EquivalenceClasses(long rows, int classes, int k, int l, List<Group> smallest) {
    public static final int SHOWN = 5;

    public EquivalenceClasses {
        smallest = List.copyOf(smallest);
    }

    /** One class: its quasi-identifier values, its size and how many distinct sensitive values it holds. */
    public record Group(List<String> values, long size, int sensitiveValues) {
    }

    /** Measures {@code quasi} (and {@code sensitive}, may be null) over every row of {@code reader}. */
    public static EquivalenceClasses measure(RowReader reader, List<String> quasi, String sensitive) {
        int[] at = quasi.stream().mapToInt(reader::indexOf).toArray();
        int s = sensitive == null ? -1 : reader.indexOf(sensitive);
        var counter = new Counter(sensitive != null);
        String[] values = new String[at.length];
        for (String[] row; (row = reader.next()) != null; ) {
            for (int i = 0; i < at.length; i++) values[i] = row[at[i]];
            counter.add(values, s < 0 ? null : row[s]);
        }
        return counter.result();
    }

    /** Counts rows one at a time; {@link #result} any time. */
    public static final class Counter {
        private final boolean withSensitive;
        private final Map<List<String>, Tally> groups = new HashMap<>();
        private long rows;

        public Counter(boolean withSensitive) {
            this.withSensitive = withSensitive;
        }

        /** Adds a row: its quasi-identifier values (copied) and its sensitive value (null = missing). */
        public void add(String[] quasiValues, String sensitive) {
            rows++;
            Tally tally = groups.computeIfAbsent(Arrays.asList(quasiValues.clone()), key -> new Tally());
            tally.size++;
            if (withSensitive && sensitive != null && !sensitive.isBlank()) tally.sensitive.add(sensitive);
        }

        public EquivalenceClasses result() {
            var all = new ArrayList<Group>(groups.size());
            for (var entry : groups.entrySet()) {
                all.add(new Group(entry.getKey(), entry.getValue().size, entry.getValue().sensitive.size()));
            }
            int k = (int) Math.min(Integer.MAX_VALUE, all.stream().mapToLong(Group::size).min().orElse(0));
            int l = withSensitive ? all.stream().mapToInt(Group::sensitiveValues).min().orElse(0) : 0;
            List<Group> smallest = all.stream().sorted(Comparator.comparingLong(Group::size)).limit(SHOWN).toList();
            return new EquivalenceClasses(rows, groups.size(), k, l, smallest);
        }
    }

    private static final class Tally {
        long size;
        final Set<String> sensitive = new HashSet<>(4);
    }
}
