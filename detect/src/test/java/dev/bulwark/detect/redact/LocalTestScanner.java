package dev.bulwark.detect.redact;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small scanner whose entities are short (so chunk boundaries fall inside them all the time) and provably local:
 * digit runs of exactly 4..12 digits (a longer run is no entity at all) and {@code letters@letters.com}. Their
 * characters are disjoint, so matches never overlap; each match depends on one character of context either side —
 * {@link #maxSpan()} covers the longest match plus that context — and no match can start inside another one's
 * span, so a scan that starts mid-text cannot shift later matches (a local part that may hold dots would: a match
 * begun mid-word can swallow the start of the next address, and the chain runs on).
 */
final class LocalTestScanner implements EntityScanner {
    static final LocalTestScanner INSTANCE = new LocalTestScanner();
    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{4,12}+(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("(?<![a-z.@])[a-z]{1,10}+@[a-z]{1,10}+\\.com(?![a-z0-9])");

    @Override
    public List<Entity> scan(String text) {
        var found = new ArrayList<Entity>();
        add(DIGITS, EntityType.PHONE, text, found);
        add(EMAIL, EntityType.EMAIL, text, found);
        found.sort(Comparator.comparingInt(Entity::start));
        return found;
    }

    private static void add(Pattern p, EntityType type, String text, List<Entity> out) {
        Matcher m = p.matcher(text);
        while (m.find()) out.add(new Entity(type, m.start(), m.end(), 1.0));
    }

    @Override
    public int maxSpan() {
        return 10 + 1 + 10 + 4 + 2;
    }
}
