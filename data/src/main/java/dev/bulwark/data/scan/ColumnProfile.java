package dev.bulwark.data.scan;

import dev.bulwark.data.classify.Classified;
import dev.bulwark.data.classify.ColumnHint;
import dev.bulwark.detect.EntityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a scan found in one column.
 *
 * @param name            the column
 * @param hint            what its name says, or null
 * @param nonEmpty        cells with a value among the rows profiled
 * @param entities        entity types found that count (strongest evidence first)
 * @param discounted      entity types found but not counted: look-alikes the name contradicts (a "city" column's
 *                        values read as person names)
 * @param classification  its level and why
 * @param quasiIdentifier whether it is used as (or detected as) a quasi-identifier
 */
public record ColumnProfile(String name, ColumnHint hint, long nonEmpty, List<EntityCount> entities,
                            List<EntityCount> discounted, Classified classification, boolean quasiIdentifier) {
    public ColumnProfile {
        entities = List.copyOf(entities);
        discounted = List.copyOf(discounted);
    }

    /** One entity type in a column: cells holding it, their share of the non-empty cells, masked examples. */
    public record EntityCount(EntityType type, long cells, double share, List<String> examples) {
        public EntityCount {
            examples = List.copyOf(examples);
        }
    }

    public Set<EntityType> types() {
        var out = EnumSet.noneOf(EntityType.class);
        entities.forEach(e -> out.add(e.type()));
        return out;
    }

    public boolean holds(EntityType.Kind kind) {
        return entities.stream().anyMatch(e -> e.type().kind() == kind);
    }

    /**
     * Whether the name alone says personal data (an unrecognised SSN format, a diagnosis, a religion) in a column
     * that holds values but no recognised PII.
     */
    public boolean personalByNameOnly() {
        return hint != null && nonEmpty > 0 && !holds(EntityType.Kind.PII)
                && switch (hint.role()) {
                    case PII, FINANCIAL, HEALTH, SPECIAL -> true;
                    default -> false;
                };
    }
}
