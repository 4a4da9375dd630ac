package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.EnumSet;
import java.util.Set;

/**
 * A scanner that reports only some entity types ({@code redact --entities}). It filters after the full scan, so
 * overlaps are still resolved among all types: a card number inside a secret stays part of the secret.
 */
public record FilteredScanner(EntityScanner scanner, Set<EntityType> types) implements ScanFilter {
    public FilteredScanner {
        if (types.isEmpty()) throw new IllegalArgumentException("no entity types to report");
        types = Set.copyOf(EnumSet.copyOf(types));
    }

    @Override
    public boolean keeps(Entity entity, String text) {
        return types.contains(entity.type());
    }
}
