package dev.bulwark.detect.injection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The strings every match of a rule must <em>start</em> with, so the rule can be tried only where one of them
 * occurs ({@code lookingAt} there) instead of at every position of the text ({@code find}). On an attack prompt
 * twenty rules pass the keyword prefilter and each {@code find} walked the whole kilobyte; anchored, each tries a
 * handful of places. Sound by construction: a pattern qualifies only when it is an optional first-letter
 * look-ahead ({@link FirstCharGuard}) and an optional word-boundary look-behind (both zero-width) followed by a literal run or by one group whose every branch starts with a literal
 * run; a character followed by {@code ?}, {@code *} or {@code {0,…}} ends the run without being part of it.
 * Anything else (classes, escapes like {@code \d}, nested groups at a branch start, inline flags, top-level
 * alternation) has no leading literals and keeps the plain {@code find}.
 */
final class LeadingLiterals {
    private static final String BOUNDARY = "(?<![\\p{L}\\p{N}])";

    private LeadingLiterals() {
    }

    /** The leading strings of an expanded, unguarded pattern, or empty when it does not qualify. */
    static Optional<Set<String>> of(String pattern) {
        if (pattern.contains("(?i") || pattern.contains("(?u") || pattern.contains("(?x")) return Optional.empty();
        String rest = pattern;
        if (rest.startsWith("(?=[") && rest.indexOf("])") > 0) rest = rest.substring(rest.indexOf("])") + 2);
        if (rest.startsWith(BOUNDARY)) rest = rest.substring(BOUNDARY.length());
        if (rest.startsWith("(?:")) {
            int close = FirstCharGuard.matchingParen(rest, 0);
            if (close < 0 || startsQuantifier(rest, close + 1)) return Optional.empty();
            var out = new LinkedHashSet<String>();
            for (String branch : FirstCharGuard.topLevelBranches(rest.substring(3, close))) {
                String run = literalRun(branch);
                if (run.isEmpty()) return Optional.empty();
                out.add(run);
            }
            return Optional.of(out);
        }
        if (!FirstCharGuard.topLevelBranches(rest).equals(List.of(rest))) return Optional.empty();
        String run = literalRun(rest);
        return run.isEmpty() ? Optional.empty() : Optional.of(Set.of(run));
    }

    /** The literal characters a branch certainly starts with. */
    private static String literalRun(String s) {
        var run = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int next;
            char literal;
            if (c == '\\') {
                if (i + 1 >= s.length() || Character.isLetterOrDigit(s.charAt(i + 1))) break;
                literal = s.charAt(i + 1);
                next = i + 2;
            } else if ("()[]{}.|^$?*+".indexOf(c) >= 0) {
                break;
            } else {
                literal = c;
                next = i + 1;
            }
            if (optionalQuantifier(s, next)) break; // the character may be absent: it cannot anchor
            run.append(literal);
            if (startsQuantifier(s, next)) break; // repeated: what follows is not at a fixed offset
            i = next;
        }
        // A supplementary character whose low surrogate was cut by a quantifier is not a usable prefix.
        if (!run.isEmpty() && Character.isHighSurrogate(run.charAt(run.length() - 1))) run.setLength(run.length() - 1);
        return run.toString();
    }

    private static boolean optionalQuantifier(String s, int i) {
        return i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '*' || s.startsWith("{0,", i)
                || s.startsWith("{0}", i));
    }

    private static boolean startsQuantifier(String s, int i) {
        return i < s.length() && "?*+{".indexOf(s.charAt(i)) >= 0;
    }
}
