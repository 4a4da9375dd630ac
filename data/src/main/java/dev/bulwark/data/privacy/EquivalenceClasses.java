package dev.bulwark.data.privacy;

import dev.bulwark.data.table.Groups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The equivalence classes of a table: rows grouped by their quasi-identifier values (text; a missing value is a
 * value). {@code k} is the size of the smallest class: every person shares their quasi-identifiers with at least
 * k-1 others. {@code l} (distinct l-diversity) is the fewest distinct non-missing values of the sensitive column in
 * any class: an attacker who knows someone's class still faces at least l possible values. Measured over every row
 * of the file, whatever a scan sampled ({@link #measure}, DuckDB grouping), or over rows held in memory
 * ({@link Counter}: the anonymizer re-measures what it is about to write). Both count the same way.
 *
 * @param quasiIdentifiers the columns grouped by
 * @param sensitive        the sensitive column, or null when l was not measured
 * @param rows             rows in the table
 * @param classes          number of equivalence classes
 * @param k                smallest class size (0 for an empty table)
 * @param l                fewest distinct sensitive values in a class; -1 when not measured
 * @param uniqueRows       rows alone in their class (people unique on their quasi-identifiers)
 * @param smallest         the smallest classes, fewest rows first
 */
public record EquivalenceClasses(List<String> quasiIdentifiers, String sensitive, long rows, long classes, long k,
                                 long l, long uniqueRows, List<Groups.Group> smallest) {
    /** How many of the smallest classes a measurement keeps by default. */
    public static final int SHOWN = 5;

    public EquivalenceClasses {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        smallest = List.copyOf(smallest);
        if (quasiIdentifiers.isEmpty()) throw new IllegalArgumentException("no quasi-identifiers");
    }

    /** Measures {@code file}; {@code sensitive} may be null (no l). Unknown columns are a DataInputException. */
    public static EquivalenceClasses measure(Path file, List<String> quasiIdentifiers, String sensitive, int shown) {
        Objects.requireNonNull(file, "file");
        if (sensitive != null && quasiIdentifiers.contains(sensitive)) {
            throw new IllegalArgumentException("the sensitive column " + sensitive + " is also a quasi-identifier");
        }
        Groups.Summary summary = Groups.of(file, quasiIdentifiers, sensitive, shown);
        return new EquivalenceClasses(quasiIdentifiers, sensitive, summary.rows(), summary.groups(), summary.minRows(),
                sensitive == null ? -1 : summary.minDistinct(), summary.singletons(), summary.smallest());
    }

    /** Whether every class holds at least {@code target} rows. */
    public boolean kAnonymous(long target) {
        return k >= target;
    }

    /**
     * Counts rows one at a time in memory, with the same rules as {@link #measure}: values compared as text, a
     * missing value ({@code null}) is a value of its own in a key, and l counts distinct non-missing values.
     */
    public static final class Counter {
        private final List<String> quasiIdentifiers;
        private final String sensitive;
        private final Map<List<String>, Tally> groups = new HashMap<>();
        private long rows;

        /** {@code sensitive} may be null: then l is not measured (-1). */
        public Counter(List<String> quasiIdentifiers, String sensitive) {
            this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
            this.sensitive = sensitive;
            if (this.quasiIdentifiers.isEmpty()) throw new IllegalArgumentException("no quasi-identifiers");
        }

        /** Adds a row: its quasi-identifier values in {@code quasiIdentifiers} order (copied) and its sensitive value. */
        public void add(String[] quasiValues, String sensitiveValue) {
            rows++;
            Tally tally = groups.computeIfAbsent(Arrays.asList(quasiValues.clone()), key -> new Tally());
            tally.rows++;
            if (sensitive != null && sensitiveValue != null) tally.distinct.add(sensitiveValue);
        }

        public EquivalenceClasses result() {
            var all = new ArrayList<Groups.Group>(groups.size());
            for (var entry : groups.entrySet()) {
                all.add(new Groups.Group(entry.getKey(), entry.getValue().rows, entry.getValue().distinct.size()));
            }
            long k = all.stream().mapToLong(Groups.Group::rows).min().orElse(0);
            long l = sensitive == null ? -1 : all.stream().mapToLong(Groups.Group::distinct).min().orElse(0);
            long unique = all.stream().filter(g -> g.rows() == 1).count();
            List<Groups.Group> smallest = all.stream().sorted(Comparator.comparingLong(Groups.Group::rows)
                    .thenComparingLong(Groups.Group::distinct)).limit(SHOWN).toList();
            return new EquivalenceClasses(quasiIdentifiers, sensitive, rows, all.size(), k, l, unique, smallest);
        }

        private static final class Tally {
            long rows;
            final Set<String> distinct = new HashSet<>(4);
        }
    }
}
