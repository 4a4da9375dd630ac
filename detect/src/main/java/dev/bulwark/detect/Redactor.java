package dev.bulwark.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Finds personal data and secrets in a text — e-mail addresses, phone numbers, payment card numbers (Luhn
 * checked), IBANs (mod-97 checked), AWS access keys, {@code sk-} style API keys, GitHub tokens, JWTs, bearer
 * tokens and high-entropy values after {@code key}/{@code token}/{@code secret}/{@code password} — and hides
 * them, either as type tags ({@link #redact}) or keeping a few characters so a reader can recognise the value
 * ({@link #mask}). Texts longer than {@value Text#MAX_CHARS} characters are cut before scanning: what was not
 * scanned is dropped, never passed through. Immutable and thread-safe.
 */
public final class Redactor {
    private static final Redactor STANDARD = new Redactor(EntityRules.RULES);

    private final List<EntityRules.Rule> rules;

    private Redactor(List<EntityRules.Rule> rules) {
        this.rules = rules;
    }

    public static Redactor standard() {
        return STANDARD;
    }

    /** The entities in {@code text}: non-overlapping, ordered by position (an earlier, longer match wins). */
    public List<Redaction> find(String text) {
        String input = Text.capped(text);
        var all = new ArrayList<Redaction>();
        for (EntityRules.Rule rule : rules) {
            Matcher m = rule.pattern().matcher(input);
            while (m.find()) {
                int start = m.start(rule.group());
                int end = rule.validator().end(input, m, rule.group());
                if (end > start) all.add(new Redaction(rule.type(), start, end));
            }
        }
        all.sort(Comparator.comparingInt(Redaction::start).thenComparing(r -> -(r.end() - r.start())));
        var kept = new ArrayList<Redaction>();
        int reached = 0;
        for (Redaction r : all) {
            if (r.start() >= reached) {
                kept.add(r);
                reached = r.end();
            }
        }
        return List.copyOf(kept);
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
