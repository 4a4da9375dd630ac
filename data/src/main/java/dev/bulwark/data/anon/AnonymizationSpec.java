package dev.bulwark.data.anon;

import dev.bulwark.data.table.DataInputException;
import java.util.HashSet;
import java.util.List;

/**
 * What to anonymize and how much.
 *
 * @param quasiIdentifiers columns an attacker could link to other data (age, postcode, gender...): generalized
 * @param sensitive        the column to protect with l-diversity; never changed; null when none
 * @param k                every combination of generalized quasi-identifiers occurs at least k times (k &gt;= 2)
 * @param l                each such group holds at least l distinct sensitive values (1 = no l-diversity)
 * @param hierarchies      type overrides and category hierarchies ({@link Hierarchies#none()} for none)
 */
public record AnonymizationSpec(List<String> quasiIdentifiers, String sensitive, int k, int l,
                                Hierarchies hierarchies) {
    public AnonymizationSpec {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        if (quasiIdentifiers.isEmpty()) throw new DataInputException("--quasi: name at least one column");
        if (new HashSet<>(quasiIdentifiers).size() != quasiIdentifiers.size()) {
            throw new DataInputException("--quasi: a column is named twice");
        }
        if (k < 2) throw new DataInputException("--k must be at least 2 (k = 1 protects nothing), got " + k);
        if (l < 1) throw new DataInputException("--l must be at least 1, got " + l);
        if (l > 1 && sensitive == null) throw new DataInputException("--l needs --sensitive COLUMN");
        if (sensitive != null && quasiIdentifiers.contains(sensitive)) {
            throw new DataInputException("--sensitive " + sensitive + " is also a quasi-identifier; it is never changed");
        }
        if (hierarchies == null) hierarchies = Hierarchies.none();
    }
}
