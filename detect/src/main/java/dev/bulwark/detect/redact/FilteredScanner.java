package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scanner that reports only some entity types ({@code redact --entities}). It filters after the full scan, so
 * overlaps are still resolved among all types: a card number inside a secret stays part of the secret.
 */
public record FilteredScanner(EntityScanner scanner, Set<EntityType> types) implements EntityScanner {
    public FilteredScanner {
        if (types.isEmpty()) throw new IllegalArgumentException("no entity types to report");
        types = Set.copyOf(EnumSet.copyOf(types));
    }

    @Override
    public List<Entity> scan(String text) {
        return scanner.scan(text).stream().filter(e -> types.contains(e.type())).toList();
    }

    @Override
    public int maxSpan() {
        return scanner.maxSpan();
    }

    @Override
    public int unsettledFrom(String text) {
        return scanner.unsettledFrom(text);
    }
}
