package dev.bulwark.data.classify;

import dev.bulwark.core.Classification;
import dev.bulwark.detect.EntityType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The book's §3.2 levels for training data, applied to what a scan found in a column:
 * <ul>
 *   <li><b>restricted</b> (regulatory or legal implications): personal data (PII), health data (PHI), financial
 *       account data (cards, IBANs), authentication credentials, special-category data (religion, …);</li>
 *   <li><b>confidential</b> (significant business impact if disclosed): customer transaction data (amounts,
 *       prices, income), and quasi-identifiers (age, postcode, gender, …) that single people out when combined;</li>
 *   <li><b>internal</b> (business use only): everything else that holds values. A scanner cannot know that data
 *       was published, so it never calls values public on its own;</li>
 *   <li><b>public</b>: a column with no values at all.</li>
 * </ul>
 * A dataset takes the highest level of its columns.
 */
public final class DataClassifier {
    private DataClassifier() {
    }

    /**
     * The level of one column from its name hint (may be null), the entity types its values hold (after the scan's
     * own filtering) and whether it holds any value at all.
     */
    public static Classified column(ColumnHint hint, Set<EntityType> found, boolean hasValues, boolean quasiIdentifier) {
        if (!hasValues) return new Classified(Classification.PUBLIC, "holds no values");
        List<String> secrets = names(found, EntityType.Kind.SECRET);
        if (!secrets.isEmpty()) {
            return restricted("authentication credentials found in the values (" + String.join(", ", secrets) + ")");
        }
        if (hint != null && hint.role() == ColumnHint.Role.CREDENTIAL) {
            return restricted("the column name says authentication credentials");
        }
        if (found.contains(EntityType.PAYMENT_CARD) || found.contains(EntityType.IBAN)) {
            return restricted("financial account data found in the values (" + String.join(", ", names(found,
                    EntityType.Kind.PII).stream().filter(n -> n.equals("PAYMENT_CARD") || n.equals("IBAN")).toList()) + ")");
        }
        if (hint != null && hint.role() == ColumnHint.Role.FINANCIAL) {
            return restricted("the column name says financial account data");
        }
        List<String> pii = names(found, EntityType.Kind.PII);
        if (!pii.isEmpty()) return restricted("personal data (PII) found in the values (" + String.join(", ", pii) + ")");
        if (hint != null && hint.role() == ColumnHint.Role.HEALTH) {
            return restricted("health data (PHI): the column name says " + label(hint));
        }
        if (hint != null && hint.role() == ColumnHint.Role.SPECIAL) {
            return restricted("special-category personal data: the column name says " + label(hint));
        }
        if (hint != null && hint.role() == ColumnHint.Role.PII) {
            return restricted("personal data (PII): the column name says " + label(hint)
                    + " (the values were not recognised, check them)");
        }
        if (quasiIdentifier) {
            return new Classified(Classification.CONFIDENTIAL,
                    "quasi-identifier: combined with other columns it can single out a person");
        }
        if (hint != null && (hint.role() == ColumnHint.Role.INCOME || hint.role() == ColumnHint.Role.TRANSACTION)) {
            return new Classified(Classification.CONFIDENTIAL, "customer transaction or income data ("
                    + label(hint) + ")");
        }
        return new Classified(Classification.INTERNAL,
                "no personal data, credentials or transaction data found: business use only");
    }

    /** The dataset's level: the highest of its columns, naming the columns that reach it. */
    public static Classified dataset(Map<String, Classified> columns) {
        if (columns.isEmpty()) return new Classified(Classification.PUBLIC, "holds no columns");
        Classification top = columns.values().stream().map(Classified::level)
                .max(Comparator.naturalOrder()).orElseThrow();
        List<String> driving = columns.entrySet().stream().filter(e -> e.getValue().level() == top)
                .map(Map.Entry::getKey).toList();
        String names = driving.size() > 6
                ? String.join(", ", driving.subList(0, 6)) + " and " + (driving.size() - 6) + " more"
                : String.join(", ", driving);
        String reason = top == Classification.PUBLIC ? "no column holds values"
                : "column" + (driving.size() == 1 ? " " : "s ") + names + ": " + columns.get(driving.get(0)).reason();
        return new Classified(top, reason);
    }

    private static Classified restricted(String reason) {
        return new Classified(Classification.RESTRICTED, reason);
    }

    private static List<String> names(Set<EntityType> found, EntityType.Kind kind) {
        return found.stream().filter(t -> t.kind() == kind).sorted().map(Enum::name).collect(Collectors.toList());
    }

    private static String label(ColumnHint hint) {
        return hint.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
