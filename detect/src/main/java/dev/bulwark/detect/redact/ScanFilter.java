package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import java.util.List;

/**
 * A scanner that drops some of another scanner's entities after the full scan, so overlaps are resolved among all
 * of them first and the streaming hold-back stays the other scanner's.
 */
public interface ScanFilter extends EntityScanner {
    /** The scanner whose entities are filtered. */
    EntityScanner scanner();

    /** Whether {@code entity}, found in {@code text}, is reported. */
    boolean keeps(Entity entity, String text);

    @Override
    default List<Entity> scan(String text) {
        return scanner().scan(text).stream().filter(e -> keeps(e, text)).toList();
    }

    @Override
    default int maxSpan() {
        return scanner().maxSpan();
    }

    @Override
    default int unsettledFrom(String text) {
        return scanner().unsettledFrom(text);
    }
}
