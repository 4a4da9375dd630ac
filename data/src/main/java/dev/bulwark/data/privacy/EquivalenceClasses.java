package dev.bulwark.data.privacy;

import dev.bulwark.data.table.Groups;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The equivalence classes of a table: rows grouped by their quasi-identifier values (text; a missing value is a
 * value). {@code k} is the size of the smallest class: every person shares their quasi-identifiers with at least
 * k-1 others. {@code l} (distinct l-diversity) is the fewest distinct non-missing values of the sensitive column in
 * any class: an attacker who knows someone's class still faces at least l possible values. Measured over every row
 * of the file, whatever a scan sampled.
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
}
