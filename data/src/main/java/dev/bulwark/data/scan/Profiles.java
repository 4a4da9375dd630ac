package dev.bulwark.data.scan;

import dev.bulwark.data.classify.ColumnHint;
import dev.bulwark.data.scan.ColumnProfile.EntityCount;
import dev.bulwark.detect.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a column's tally into counted entity types, combining the name with the values. Validated or
 * unmistakable types (e-mail, card, IBAN, national ids, every secret) always count. Types with common
 * look-alikes (person names, phone numbers, IP addresses, dates of birth) count when the name agrees, or when no
 * name contradicts them and at least {@link #MIN_WEAK_CELLS} cells hold one; a name that says the column is
 * something else (a city, an amount, an id, a label) discounts them.
 */
final class Profiles {
    static final int MIN_WEAK_CELLS = 3;
    private static final Set<EntityType> WEAK = Set.of(EntityType.PERSON, EntityType.PHONE, EntityType.IP_ADDRESS,
            EntityType.DATE_OF_BIRTH);
    private static final Set<ColumnHint.Role> CONTRADICTING = Set.of(ColumnHint.Role.QUASI, ColumnHint.Role.LABEL,
            ColumnHint.Role.IDENTIFIER, ColumnHint.Role.TRANSACTION, ColumnHint.Role.INCOME, ColumnHint.Role.HEALTH,
            ColumnHint.Role.SPECIAL);
    private static final Set<String> GENDERS = Set.of("m", "f", "male", "female", "man", "woman", "x", "d", "w",
            "other", "non-binary", "nonbinary", "diverse", "unknown", "u", "prefer not to say");

    private Profiles() {
    }

    /** Counted and discounted entity types of a column, most cells first. */
    static List<List<EntityCount>> entities(ColumnHint hint, ColumnTally tally) {
        var counted = new ArrayList<EntityCount>();
        var discounted = new ArrayList<EntityCount>();
        for (Map.Entry<EntityType, Long> e : tally.cells.entrySet()) {
            EntityType type = e.getKey();
            long cells = e.getValue();
            var examples = tally.examples.getOrDefault(type, List.of()).stream().map(ColumnTally.Example::masked).toList();
            var count = new EntityCount(type, cells, tally.nonEmpty == 0 ? 0 : (double) cells / tally.nonEmpty, examples);
            (counts(hint, type, cells) ? counted : discounted).add(count);
        }
        Comparator<EntityCount> order = Comparator.comparingLong(EntityCount::cells).reversed()
                .thenComparing(EntityCount::type);
        counted.sort(order);
        discounted.sort(order);
        return List.of(counted, discounted);
    }

    private static boolean counts(ColumnHint hint, EntityType type, long cells) {
        if (!WEAK.contains(type)) return true;
        if (hint != null && hint.agrees().contains(type)) return true;
        if (hint != null && CONTRADICTING.contains(hint.role())) return false;
        return cells >= MIN_WEAK_CELLS;
    }

    /**
     * Whether a column looks like a quasi-identifier by its name or its values: a small set of gender values,
     * postcode-shaped values, or dates of birth in at least half the cells.
     */
    static boolean looksQuasi(ColumnHint hint, ColumnTally tally, List<EntityCount> counted) {
        if (hint != null && hint.quasiIdentifier()) return true;
        if (hint != null && hint.role() != ColumnHint.Role.QUASI && hint.role() != ColumnHint.Role.PII) return false;
        if (tally.nonEmpty == 0) return false;
        if (!tally.manyDistinct && tally.small.size() <= 6 && tally.small.size() >= 2
                && tally.small.stream().allMatch(v -> GENDERS.contains(v.strip().toLowerCase(java.util.Locale.ROOT)))) {
            return true;
        }
        if (tally.manyDistinct && tally.postcodeShaped >= 0.95 * tally.nonEmpty && hint == null) return true;
        return counted.stream().anyMatch(c -> c.type() == EntityType.DATE_OF_BIRTH && c.share() >= 0.5);
    }
}
