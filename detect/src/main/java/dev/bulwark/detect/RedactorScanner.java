package dev.bulwark.detect;

import java.util.List;

/** Adapts the first-generation {@link Redactor} rules to {@link EntityScanner} until the full engine replaces it. */
final class RedactorScanner implements EntityScanner {
    static final RedactorScanner INSTANCE = new RedactorScanner();

    @Override
    public List<Entity> scan(String text) {
        return Redactor.standard().find(text).stream()
                .map(r -> new Entity(r.type(), r.start(), r.end(), 1.0))
                .toList();
    }

    @Override
    public int maxSpan() {
        return 4096;
    }
}
