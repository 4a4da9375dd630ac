package dev.bulwark.detect.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Speeds rules up without changing what they match. Most rules start with a word boundary and an alternation of
 * keywords ("(?:ignore|disregard|forget|…)"); java.util.regex tries every branch at every position, which costs
 * seconds on a megabyte. When every branch starts with a plain letter, a lookahead on the set of those letters is
 * put in front, so most positions are rejected with one character-class test. Patterns of any other shape are
 * left as they are.
 */
final class FirstCharGuard {
    private static final String BOUNDARY = "(?<![\\p{L}\\p{N}])";

    private FirstCharGuard() {
    }

    static String guard(String pattern) {
        if (!pattern.startsWith(BOUNDARY + "(?:")) return pattern;
        int open = BOUNDARY.length() + 3;
        int close = matchingParen(pattern, BOUNDARY.length());
        if (close < 0) return pattern;
        var first = new TreeSet<Character>();
        for (String branch : topLevelBranches(pattern.substring(open, close))) {
            if (branch.isEmpty()) return pattern;
            char c = branch.charAt(0);
            boolean optional = branch.length() > 1 && "?*{".indexOf(branch.charAt(1)) >= 0;
            if (!Character.isLetter(c) || optional) return pattern;
            first.add(c);
        }
        var set = new StringBuilder("(?=[");
        first.forEach(set::append);
        return set.append("])").append(pattern).toString();
    }

    /** Index of the ')' closing the group opened at {@code open} (escapes and classes skipped), or -1. */
    static int matchingParen(String s, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The alternatives of {@code body} split at its top-level '|' (escapes, classes and groups skipped). */
    static List<String> topLevelBranches(String body) {
        var branches = new ArrayList<String>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                branches.add(body.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(body.substring(start));
        return branches;
    }
}
