package dev.bulwark.detect.injection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives from a rule's regex a set of plain strings of which at least one occurs in every text the regex
 * matches, so that a one-pass keyword scan ({@link KeywordScanner}) can skip rules that cannot match. Sound by
 * construction, not by curation: a literal run counts only where the regex cannot skip it (no {@code ?}, {@code *}
 * or {@code {0,…}} on it), an alternation contributes the union of what each branch requires, and anything not
 * understood (classes, escapes like {@code \d}, inline flags) contributes nothing. Inside a group the most
 * selective candidate (longest shortest string, at least two characters) stands for it; at the top level every
 * candidate, single characters included, is kept as a clause, all of which must be met ("ignore …" and
 * "previous …" and "instructions …"). No clauses means "always run the rule".
 */
final class RequiredLiterals {
    private static final int MIN_LENGTH = 2;

    private RequiredLiterals() {
    }

    /** The most selective single clause; empty when none can be derived. */
    static Set<String> of(String regex) {
        return clauses(regex).stream().max((a, b) -> Integer.compare(shortest(a), shortest(b))).orElse(Set.of());
    }

    /** Sets of strings; a text the regex matches contains a string of every set. */
    static List<Set<String>> clauses(String regex) {
        // Inline flags (case-insensitivity above all) would change what a literal means: give up.
        if (regex.contains("(?i") || regex.contains("(?u") || regex.contains("(?x")) return List.of();
        List<String> branches = split(regex);
        if (branches.size() > 1) {
            Set<String> union = alternation(regex);
            return union == null ? List.of() : List.of(union);
        }
        // one-character clauses too: "=" alone keeps an assignment rule off every text without one
        List<Set<String>> all = candidates(regex);
        return all == null ? List.of() : all.stream().filter(c -> shortest(c) >= 1).toList();
    }

    /** What one of the top-level branches requires, or null when some branch requires nothing we can name. */
    private static Set<String> alternation(String s) {
        var union = new LinkedHashSet<String>();
        for (String branch : split(s)) {
            Set<String> required = sequence(branch);
            if (required == null) return null;
            union.addAll(required);
        }
        return union;
    }

    private static Set<String> sequence(String s) {
        List<Set<String>> candidates = candidates(s);
        if (candidates == null) return null;
        Set<String> best = null;
        for (Set<String> candidate : candidates) {
            if (best == null || shortest(candidate) > shortest(best)) best = candidate;
        }
        return best == null || shortest(best) < MIN_LENGTH ? null : best;
    }

    /** Every requirement along a sequence, or null when the sequence could not be read. */
    private static List<Set<String>> candidates(String s) {
        var candidates = new ArrayList<Set<String>>();
        var run = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            Set<String> atom = null; // what a group atom requires
            Character literal = null;
            if (c == '\\') {
                char next = i + 1 < s.length() ? s.charAt(i + 1) : 'x';
                end = i + 2;
                if (Character.isLetterOrDigit(next)) {
                    if ((next == 'p' || next == 'P') && end < s.length() && s.charAt(end) == '{') {
                        end = s.indexOf('}', end) + 1;
                    }
                } else {
                    literal = next;
                }
            } else if (c == '[') {
                end = classEnd(s, i) + 1;
            } else if (c == '(') {
                end = groupEnd(s, i) + 1;
                String body = s.substring(i + 1, end - 1);
                if (body.startsWith("?:")) atom = alternation(body.substring(2));
                else if (!body.startsWith("?")) atom = alternation(body);
                // look-arounds, flag groups such as (?m:^) (case flags were refused above) and anything else:
                // zero-width or not understood; they require nothing
            } else if ("^$.|".indexOf(c) >= 0) {
                end = i + 1;
            } else {
                literal = c;
                end = i + 1;
            }
            if (end <= i) return null; // unbalanced: give up on the rule rather than guess
            int quantEnd = quantifierEnd(s, end);
            String quantifier = s.substring(end, quantEnd);
            boolean optional = quantifier.startsWith("?") || quantifier.startsWith("*")
                    || quantifier.matches("\\{0[,}].*");
            if (literal != null && !optional && quantifier.isEmpty()) {
                run.append(literal);
            } else {
                flush(run, candidates);
                if (!optional) {
                    if (literal != null) candidates.add(Set.of(String.valueOf(literal)));
                    if (atom != null && !atom.isEmpty()) candidates.add(atom);
                }
            }
            i = quantEnd;
        }
        flush(run, candidates);
        return candidates;
    }

    private static void flush(StringBuilder run, List<Set<String>> candidates) {
        if (!run.isEmpty()) candidates.add(Set.of(run.toString()));
        run.setLength(0);
    }

    private static int shortest(Set<String> set) {
        return set.stream().mapToInt(String::length).min().orElse(0);
    }

    private static int quantifierEnd(String s, int i) {
        if (i >= s.length()) return i;
        char c = s.charAt(i);
        int end = i;
        if (c == '?' || c == '*' || c == '+') end = i + 1;
        else if (c == '{' && s.indexOf('}', i) > i && s.substring(i + 1, s.indexOf('}', i)).matches("\\d+(,\\d*)?")) {
            end = s.indexOf('}', i) + 1;
        }
        if (end > i && end < s.length() && (s.charAt(end) == '?' || s.charAt(end) == '+')) end++;
        return end;
    }

    private static int classEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') i++;
        if (i < s.length() && s.charAt(i) == ']') i++;
        int depth = 1;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return i;
        }
        return -2;
    }

    private static int groupEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') i = classEnd(s, i);
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
            if (i < 0) return -2;
        }
        return -2;
    }

    private static List<String> split(String s) {
        var branches = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') {
                i = classEnd(s, i);
                if (i < 0) return List.of(s);
            } else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) {
                branches.add(s.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(s.substring(start));
        return branches;
    }
}
