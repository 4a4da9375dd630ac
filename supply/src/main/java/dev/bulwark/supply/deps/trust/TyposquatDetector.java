package dev.bulwark.supply.deps.trust;

import dev.bulwark.supply.deps.Ecosystem;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a package name imitates a popular one: Damerau-Levenshtein distance scaled by the popular name's
 * length (names under 5 characters are too crowded to judge by distance), separator confusion, look-alike
 * characters and expected prefixes and suffixes. A popular name, or a known real neighbour, is never reported.
 * Pure and thread-safe; names longer than {@link #MAX_NAME} are not compared (no real package name is that long).
 */
public final class TyposquatDetector {
    static final int MAX_NAME = 214;
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]");
    private static final List<String> PREFIXES = List.of("python-", "python", "py-", "py");
    private static final List<String> SUFFIXES = List.of("-python", "python", "-py", "py", "2", "3");
    /** Multi-letter look-alikes first, then single characters, folded to the letter they imitate. */
    private static final String[][] HOMOGLYPHS = {{"rn", "m"}, {"vv", "w"}, {"cl", "d"}, {"0", "o"}, {"1", "l"},
            {"i", "l"}, {"3", "e"}, {"5", "s"}, {"4", "a"}, {"$", "s"}};

    private final PopularPackages packages;
    /** Popular names with their stripped and folded forms, computed once: a lock file asks thousands of times. */
    private final java.util.Map<Ecosystem, List<Name>> popular = new java.util.EnumMap<>(Ecosystem.class);

    private record Name(String name, String stripped, String folded) {
        static Name of(String name) {
            return new Name(name, strip(name), fold(name));
        }
    }

    public TyposquatDetector(PopularPackages packages) {
        this.packages = packages;
        for (Ecosystem e : Ecosystem.values()) popular.put(e, packages.popular(e).stream().map(Name::of).toList());
    }

    public Optional<Lookalike> check(Ecosystem ecosystem, String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) return Optional.empty();
        Ecosystem eco = ecosystem == Ecosystem.CONDA ? Ecosystem.PYPI : ecosystem;
        if (packages.isKnown(eco, name)) return Optional.empty();
        Name candidate = Name.of(PopularPackages.normalize(eco, name));
        Lookalike best = null;
        for (Name p : popular.get(eco)) {
            Optional<Lookalike> hit = compare(candidate, p);
            if (hit.isPresent() && (best == null || ORDER.compare(hit.get(), best) < 0)) best = hit.get();
        }
        return Optional.ofNullable(best);
    }

    private static final Comparator<Lookalike> ORDER =
            Comparator.comparing((Lookalike l) -> !l.strong()).thenComparingInt(Lookalike::distance);

    private static Optional<Lookalike> compare(Name c, Name p) {
        String candidate = c.name();
        String popular = p.name();
        if (candidate.startsWith("@") && popular.startsWith("@")) return scoped(candidate, popular);
        if (c.stripped().equals(p.stripped())) return Optional.of(new Lookalike(popular, Lookalike.Technique.SEPARATOR, 0));
        if (c.folded().equals(p.folded())) return Optional.of(new Lookalike(popular, Lookalike.Technique.HOMOGLYPH, 0));
        if (popular.length() >= 4 && isAffixed(candidate, popular)) {
            return Optional.of(new Lookalike(popular, Lookalike.Technique.AFFIX, candidate.length() - popular.length()));
        }
        int allowed = allowedDistance(popular);
        if (allowed == 0 || Math.abs(candidate.length() - popular.length()) > allowed) return Optional.empty();
        int d = distance(candidate, popular, allowed);
        return d <= allowed ? Optional.of(new Lookalike(popular, Lookalike.Technique.EDIT_DISTANCE, d)) : Optional.empty();
    }

    /** "@anthropic/sdk" for "@anthropic-ai/sdk": the same package name under a near scope. */
    private static Optional<Lookalike> scoped(String candidate, String popular) {
        int cs = candidate.indexOf('/');
        int ps = popular.indexOf('/');
        if (cs < 0 || ps < 0) return Optional.empty();
        String cScope = candidate.substring(0, cs);
        String pScope = popular.substring(0, ps);
        String cName = candidate.substring(cs + 1);
        String pName = popular.substring(ps + 1);
        if (cScope.equals(pScope)) {
            int allowed = allowedDistance(pName);
            int d = allowed == 0 ? Integer.MAX_VALUE : distance(cName, pName, allowed);
            return d <= allowed ? Optional.of(new Lookalike(popular, Lookalike.Technique.EDIT_DISTANCE, d)) : Optional.empty();
        }
        if (!cName.equals(pName)) return Optional.empty();
        boolean near = strip(cScope).equals(strip(pScope)) || fold(cScope).equals(fold(pScope))
                || pScope.startsWith(cScope + "-") || distance(cScope, pScope, 2) <= 2;
        return near ? Optional.of(new Lookalike(popular, Lookalike.Technique.SCOPE, 0)) : Optional.empty();
    }

    /** 0 (not judged) under 5 characters, 1 up to 8, 2 from 9. */
    static int allowedDistance(String popular) {
        int n = popular.length();
        return n < 5 ? 0 : n < 9 ? 1 : 2;
    }

    private static boolean isAffixed(String candidate, String popular) {
        for (String p : PREFIXES) if (candidate.equals(p + popular)) return true;
        for (String s : SUFFIXES) if (candidate.equals(popular + s)) return true;
        return false;
    }

    private static String strip(String name) {
        if (name.indexOf('-') < 0 && name.indexOf('_') < 0 && name.indexOf('.') < 0) return name;
        return SEPARATORS.matcher(name).replaceAll("");
    }

    static String fold(String name) {
        String s = strip(name);
        for (String[] pair : HOMOGLYPHS) s = s.replace(pair[0], pair[1]);
        return s;
    }

    /**
     * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), stopping early once every
     * cell of a row exceeds {@code limit}; returns {@code limit + 1} then.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
