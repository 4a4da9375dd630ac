package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A scanner that leaves alone personal data a business publishes on purpose — its assistant's name, its own company
 * name, the shop's public e-mail address: a found entity whose text is one of {@code allowed} (ignoring case and
 * surrounding space) is not reported. Credentials are never allowed this way. A {@link ScanFilter}: it changes
 * nothing about overlaps or streaming hold-back.
 */
public record AllowListScanner(EntityScanner scanner, Set<String> allowed) implements ScanFilter {
    public AllowListScanner {
        var folded = new HashSet<String>();
        for (String value : allowed) {
            String f = fold(value);
            if (!f.isEmpty()) folded.add(f);
        }
        allowed = Set.copyOf(folded);
    }

    /** {@code scanner} itself when nothing is allowed. */
    public static EntityScanner of(EntityScanner scanner, List<String> allowed) {
        return allowed.isEmpty() ? scanner : new AllowListScanner(scanner, Set.copyOf(allowed));
    }

    @Override
    public boolean keeps(Entity entity, String text) {
        return entity.type().kind() != EntityType.Kind.PII
                || !allowed.contains(fold(text.substring(entity.start(), entity.end())));
    }

    private static String fold(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
