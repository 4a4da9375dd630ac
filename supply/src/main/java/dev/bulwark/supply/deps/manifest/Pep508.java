package dev.bulwark.supply.deps.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 508 dependency specifiers: {@code name[extra,…] (specifiers) ; markers} and {@code name[extra] @ url ; markers}.
 * Markers are kept as text (we never evaluate them: a vulnerable package behind a marker is still worth knowing).
 * All patterns are linear (no nested quantifiers) and the input is bounded by the caller.
 */
public final class Pep508 {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern CLAUSE = Pattern.compile("\\s*(===|==|!=|~=|<=|>=|<|>)\\s*([^,;\\s()]+)\\s*");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private Pep508() {
    }

    /**
     * One parsed requirement.
     *
     * @param specifier the version clauses, normalised ("&gt;=1.0,&lt;2"), empty when none
     * @param url       the direct reference after {@code @}, empty when none
     */
    public record Requirement(String name, List<String> extras, String specifier, String url, String markers) {
        public Requirement {
            extras = List.copyOf(extras);
        }

        /** The exact version when the specifier allows exactly one ({@code ==1.2.3} or {@code ===1.2.3}). */
        public Optional<String> pinnedVersion() {
            return Pep508.pinnedVersion(specifier);
        }
    }

    /** PEP 503 normalised name: lower case, runs of {@code - _ .} become one {@code -}. */
    public static String normalize(String name) {
        return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @throws IllegalArgumentException with a short reason when {@code text} is not a PEP 508 requirement */
    public static Requirement parse(String text) {
        String s = text.strip();
        String markers = "";
        int semi = markerStart(s);
        if (semi >= 0) {
            markers = s.substring(semi + 1).strip();
            s = s.substring(0, semi).strip();
        }
        Matcher m = NAME.matcher(s);
        if (!m.lookingAt()) throw new IllegalArgumentException("no package name in '" + clip(text) + "'");
        String name = m.group();
        String rest = s.substring(m.end()).strip();
        List<String> extras = List.of();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed extras in '" + clip(text) + "'");
            extras = new ArrayList<>();
            for (String e : rest.substring(1, close).split(",")) {
                String extra = e.strip();
                if (extra.isEmpty()) continue;
                if (!isValidName(extra)) throw new IllegalArgumentException("bad extra '" + clip(extra) + "'");
                extras.add(extra);
            }
            rest = rest.substring(close + 1).strip();
        }
        if (rest.startsWith("@")) {
            String url = rest.substring(1).strip();
            if (url.isEmpty() || url.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("bad URL after '@' in '" + clip(text) + "'");
            }
            return new Requirement(name, extras, "", url, markers);
        }
        if (rest.startsWith("(")) {
            if (!rest.endsWith(")")) throw new IllegalArgumentException("unclosed '(' in '" + clip(text) + "'");
            rest = rest.substring(1, rest.length() - 1).strip();
        }
        return new Requirement(name, extras, specifier(rest, text), "", markers);
    }

    /** Normalises a version specifier list ("&gt;= 1.0 , &lt;2" becomes "&gt;=1.0,&lt;2"); empty stays empty. */
    public static String specifier(String clauses, String context) {
        if (clauses.isBlank()) return "";
        var out = new ArrayList<String>();
        for (String clause : clauses.split(",", -1)) {
            Matcher c = CLAUSE.matcher(clause);
            if (!c.matches()) throw new IllegalArgumentException("bad version specifier '" + clip(clause.strip())
                    + "' in '" + clip(context) + "'");
            out.add(c.group(1) + c.group(2));
        }
        return String.join(",", out);
    }

    static Optional<String> pinnedVersion(String specifier) {
        for (String clause : specifier.split(",")) {
            if (clause.startsWith("===")) return Optional.of(clause.substring(3));
            if (clause.startsWith("==") && !clause.endsWith(".*")) return Optional.of(clause.substring(2));
        }
        return Optional.empty();
    }

    /** The ';' that starts markers: for a URL requirement pip needs whitespace before it (a URL may hold ';'). */
    private static int markerStart(String s) {
        boolean url = s.indexOf('@') >= 0 && s.indexOf('@') < firstIndex(s, ';');
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ';') continue;
            if (!url || (i > 0 && Character.isWhitespace(s.charAt(i - 1)))) return i;
        }
        return -1;
    }

    private static int firstIndex(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
