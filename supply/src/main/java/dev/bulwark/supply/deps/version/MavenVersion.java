package dev.bulwark.supply.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Maven version ordered by Maven's version order specification (the rules of {@code ComparableVersion}): the
 * text is split into tokens at '.', '-' and digit/letter transitions (a transition counts as '-'), empty tokens
 * become 0, null tokens (0, "", "final", "ga", "release") are trimmed from the end and before every '-', and the
 * token lists are compared position by position, the shorter padded with nulls. Qualifiers order
 * alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" = final = ga &lt; sp &lt; any other (alphabetically);
 * a, b and m directly followed by a digit mean alpha, beta and milestone. With different separators,
 * ".qualifier" &lt; "-qualifier" &lt; "-number" &lt; ".number".
 */
public final class MavenVersion implements Version {
    private static final List<String> KNOWN_QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final int RELEASE_RANK = KNOWN_QUALIFIERS.indexOf("");

    /** One token: the separator before it, and either a canonical digit run or a qualifier. */
    private record Token(char separator, String value, boolean number) {
        boolean isNull() {
            return number ? value.equals("0") : value.isEmpty();
        }
    }

    private final String text;
    private final List<Token> tokens;

    private MavenVersion(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Parses any non-empty text: every string is a Maven version. */
    public static MavenVersion parse(String text) {
        String t = Version.checkedText(text);
        return new MavenVersion(t, trim(tokenize(t.toLowerCase(Locale.ROOT))));
    }

    /** A token as split from the text, before qualifiers are resolved. */
    private record RawToken(char separator, String value, boolean endsAtTransition) {
    }

    private static List<Token> tokenize(String s) {
        List<RawToken> raw = new ArrayList<>();
        char separator = '.';
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-') {
                raw.add(new RawToken(separator, s.substring(start, i), false));
                separator = c;
                start = i + 1;
            } else if (i > start && isDigit(c) != isDigit(s.charAt(i - 1))) {
                raw.add(new RawToken(separator, s.substring(start, i), true));
                separator = '-'; // a digit/letter transition counts as a hyphen
                start = i;
            }
        }
        if (start < s.length()) raw.add(new RawToken(separator, s.substring(start), false));
        List<Token> tokens = new ArrayList<>(raw.size());
        for (RawToken r : raw) {
            String v = r.value();
            if (v.isEmpty()) {
                tokens.add(new Token(r.separator(), "0", true)); // "1-.1": an empty token is a zero
            } else if (isDigit(v.charAt(0))) {
                tokens.add(new Token(r.separator(), Digits.canonical(v), true));
            } else {
                tokens.add(new Token(r.separator(), qualifier(v, r.endsAtTransition()), false));
            }
        }
        return tokens;
    }

    private static String qualifier(String q, boolean digitFollows) {
        if (digitFollows) {
            switch (q) {
                case "a" -> { return "alpha"; }
                case "b" -> { return "beta"; }
                case "m" -> { return "milestone"; }
                default -> { }
            }
        }
        return switch (q) {
            case "ga", "final", "release" -> "";
            case "cr" -> "rc";
            default -> q;
        };
    }

    /** Drops null tokens at the end, then before each '-' from the end to the start. */
    private static List<Token> trim(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens);
        while (!out.isEmpty() && out.getLast().isNull()) out.removeLast();
        for (int i = out.size() - 1; i > 0; i--) {
            if (out.get(i).separator() != '-') continue;
            while (i > 0 && out.get(i - 1).isNull()) {
                out.remove(i - 1);
                i--;
            }
        }
        return List.copyOf(out);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version o) {
        if (!(o instanceof MavenVersion other)) throw Version.mismatch(this, o);
        int n = Math.max(tokens.size(), other.tokens.size());
        for (int i = 0; i < n; i++) {
            Token a = i < tokens.size() ? tokens.get(i) : null;
            Token b = i < other.tokens.size() ? other.tokens.get(i) : null;
            int c = a == null ? -compareWithPadding(b) : b == null ? compareWithPadding(a) : compare(a, b);
            if (c != 0) return c;
        }
        return 0;
    }

    /**
     * Compares a token with the null that pads the shorter version: 0 against a number, "" (release) against a
     * qualifier, as ComparableVersion does. Known quirk, shared with osv-scanner and its fixtures: with a
     * ".qualifier" token this is not transitive (1 &lt; 1.xyz and 1.xyz &lt; 1-alpha-1, yet 1 &gt; 1-alpha-1).
     */
    private static int compareWithPadding(Token t) {
        return t.number() ? (t.value().equals("0") ? 0 : 1) : compareQualifiers(t.value(), "");
    }

    private static int compare(Token a, Token b) {
        if (a.separator() != b.separator()) return Integer.compare(kindRank(a), kindRank(b));
        if (a.number() && b.number()) return Digits.compare(a.value(), b.value());
        if (a.number() != b.number()) return a.number() ? 1 : -1;
        return compareQualifiers(a.value(), b.value());
    }

    /** ".qualifier" &lt; "-qualifier" &lt; "-number" &lt; ".number". */
    private static int kindRank(Token t) {
        if (t.separator() == '.') return t.number() ? 3 : 0;
        return t.number() ? 2 : 1;
    }

    private static int compareQualifiers(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        return ra == KNOWN_QUALIFIERS.size() ? Integer.signum(a.compareTo(b)) : 0;
    }

    private static int rank(String qualifier) {
        int i = KNOWN_QUALIFIERS.indexOf(qualifier);
        return i < 0 ? KNOWN_QUALIFIERS.size() : i;
    }

    /** True for alpha, beta, milestone, rc and snapshot versions. */
    public boolean isPreRelease() {
        return tokens.stream().anyMatch(t -> !t.number() && rank(t.value()) < RELEASE_RANK);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MavenVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
