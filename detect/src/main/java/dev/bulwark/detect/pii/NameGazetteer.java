package dev.bulwark.detect.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * First and last names (the bundled humannames list, see {@code names/NOTICE.md}) with our stop and ambiguous
 * word lists. Loaded once from the classpath when the standard engine is built, never while scanning.
 */
final class NameGazetteer {
    /** How a capitalised word reads as a name. */
    enum Kind { NAME, AMBIGUOUS, STOP, UNKNOWN }

    private static final String DIR = "/dev/bulwark/detect/pii/names/";

    /** Every listed word with its kind: one look-up per capitalised word. */
    private final java.util.Map<String, Kind> kinds;
    private final int names;

    private NameGazetteer(Set<String> names, Set<String> stop, Set<String> ambiguous) {
        var all = new java.util.HashMap<String, Kind>(names.size() * 2);
        for (String n : names) all.put(n, Kind.NAME);
        for (String a : ambiguous) all.put(a, Kind.AMBIGUOUS);
        for (String s : stop) all.put(s, Kind.STOP);
        for (String t : TITLES) all.put(t, Kind.STOP);
        this.kinds = all;
        this.names = names.size();
    }

    static NameGazetteer bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final NameGazetteer INSTANCE = new NameGazetteer(
                load("humannames.txt.gz", true), load("stopwords.txt", false), load("ambiguous.txt", false));
    }

    /** Titles and salutations precede names; they are never part of one. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dear",
            "madam", "mme", "mlle", "herr", "frau", "sr", "sra", "hi", "hello", "rev", "st");

    Kind kind(String word) {
        return kinds.getOrDefault(fold(word), Kind.UNKNOWN);
    }

    int size() {
        return names;
    }

    /** Lower case without accents: "Szöllösy" and "Szollosy" look up the same entry. */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) ascii = lower.charAt(i) < 128;
        if (ascii) return lower;
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        var out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) out.append(c);
        }
        return out.toString();
    }

    private static Set<String> load(String file, boolean gzip) {
        try (InputStream raw = NameGazetteer.class.getResourceAsStream(DIR + file)) {
            if (raw == null) throw new IllegalStateException("missing bundled resource " + DIR + file);
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            var out = new HashSet<String>(gzip ? 400_000 : 1_000);
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (word.length() >= 2) out.add(fold(word));
            }
            return java.util.Collections.unmodifiableSet(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + DIR + file, e);
        }
    }
}
