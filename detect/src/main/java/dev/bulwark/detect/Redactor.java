package dev.bulwark.detect;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Finds personal data and secrets in a text with the standard {@link EntityEngine} and hides them, either as type
 * tags ({@link #redact}) or keeping a few characters so a reader can recognise the value ({@link #mask}). Unlike
 * the engine, which refuses oversized input, texts longer than {@value Text#MAX_CHARS} characters are cut before
 * scanning: what was not scanned is dropped and marked, never passed through (evidence masking must not fail).
 * Immutable and thread-safe.
 */
public final class Redactor {
    private static final Redactor STANDARD = new Redactor(EntityEngine.standard());

    private final EntityScanner scanner;

    private Redactor(EntityScanner scanner) {
        this.scanner = scanner;
    }

    public static Redactor standard() {
        return STANDARD;
    }

    /** The entities in {@code text}: non-overlapping, ordered by position. */
    public List<Redaction> find(String text) {
        return scanner.scan(Text.capped(text)).stream()
                .map(e -> new Redaction(e.type(), e.start(), e.end()))
                .toList();
    }

    /** Replaces every entity by its tag, e.g. {@code mail me at <EMAIL>}. */
    public String redact(String text) {
        return rewrite(text, (value, type) -> type.tag());
    }

    /** Keeps the first and last one or two characters of every entity and stars the rest. */
    public String mask(String text) {
        return rewrite(text, (value, type) -> partial(value));
    }

    private String rewrite(String text, BiFunction<String, EntityType, String> replacement) {
        if (text == null) return null;
        String input = Text.capped(text);
        var out = new StringBuilder(input.length());
        int at = 0;
        for (Redaction r : find(input)) {
            out.append(input, at, r.start()).append(replacement.apply(input.substring(r.start(), r.end()), r.type()));
            at = r.end();
        }
        out.append(input, at, input.length());
        if (text.length() > input.length()) {
            out.append(" [").append(text.length() - input.length()).append(" characters not scanned, removed]");
        }
        return out.toString();
    }

    /** Same shape as core's Masking.mask (detect depends on nothing of ours, so it keeps its own copy of the rule). */
    static String partial(String value) {
        int n = value.length();
        if (n <= 4) return "*".repeat(n);
        int keep = n >= 12 ? 2 : 1;
        return value.substring(0, keep) + "*".repeat(Math.min(n - 2 * keep, 24)) + value.substring(n - keep);
    }

    /** One entity found: its type and its span {@code [start, end)} in the scanned text. */
    public record Redaction(EntityType type, int start, int end) {
        public Redaction {
            if (start < 0 || end <= start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
