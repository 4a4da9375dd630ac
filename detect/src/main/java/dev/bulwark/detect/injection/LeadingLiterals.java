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
 * run; a character followed by {@code ?}, {@code *} or {@code {0,…}} ends the run without being part of it. A
 * branch may also start with a class of plain characters ({@code ['"]}): each of them is a one-character leading
 * string. Anything else (ranges, negated classes, escapes like {@code \d}, nested groups at a branch start, inline
 * flags, top-level alternation) has no leading literals and keeps the plain {@code find}; a pattern that starts at
 * a line start ({@code (?m:^)}) is tried at line starts only ({@link #atLineStarts}).
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
                Set<String> leading = leading(branch);
                if (leading.isEmpty()) return Optional.empty();
                out.addAll(leading);
            }
            return Optional.of(out);
        }
        if (!FirstCharGuard.topLevelBranches(rest).equals(List.of(rest))) return Optional.empty();
        Set<String> leading = leading(rest);
        return leading.isEmpty() ? Optional.empty() : Optional.of(leading);
    }

    /**
     * Whether every match starts at the start of a line: the pattern (after an optional first-letter look-ahead)
     * opens with {@code (?m:^)} and has no top-level alternation. Such a rule need only be tried at offset 0 and
     * after each line terminator.
     */
    static boolean atLineStarts(String pattern) {
        String rest = pattern;
        if (rest.startsWith("(?=[") && rest.indexOf("])") > 0) rest = rest.substring(rest.indexOf("])") + 2);
        return rest.startsWith("(?m:^)") && FirstCharGuard.topLevelBranches(rest).equals(List.of(rest));
    }

    /** The strings a branch certainly starts with: its literal run, or the characters of a leading class. */
    private static Set<String> leading(String branch) {
        String run = literalRun(branch);
        return run.isEmpty() ? classChars(branch) : Set.of(run);
    }

    /**
     * The characters of a plain class the branch starts with ({@code ['"`]}, escapes of punctuation allowed), each
     * as a string; empty for anything else (negation, ranges, nested or intersected classes, escapes like
     * {@code \s}, surrogates) or when the class may be skipped ({@code ?}, {@code *}, {@code {0,…}}).
     */
    private static Set<String> classChars(String s) {
        if (!s.startsWith("[") || s.startsWith("[^") || s.startsWith("[]")) return Set.of();
        var out = new LinkedHashSet<String>();
        int i = 1;
        while (i < s.length() && s.charAt(i) != ']') {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || Character.isLetterOrDigit(s.charAt(i + 1))) return Set.of();
                c = s.charAt(i + 1);
                i += 2;
            } else if (c == '[' || c == '-' || c == '&') {
                return Set.of();
            } else {
                i++;
            }
            if (Character.isSurrogate(c)) return Set.of();
            out.add(String.valueOf(c));
        }
        if (i >= s.length() || out.isEmpty() || optionalQuantifier(s, i + 1)) return Set.of();
        return out;
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
