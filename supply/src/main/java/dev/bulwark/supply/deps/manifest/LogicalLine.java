package dev.bulwark.supply.deps.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A requirements-file line after pip's continuation rule: a physical line ending in a backslash (that is not a
 * comment line) is joined with the next; comments are stripped later, so "x # \" swallows the following line.
 */
record LogicalLine(int number, String text) {
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*#.*");

    static List<LogicalLine> join(String text, ManifestLimits limits, Path file) throws ManifestException {
        var out = new ArrayList<LogicalLine>();
        var pending = new StringBuilder();
        int first = 0;
        int number = 0;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            number++;
            boolean comment = COMMENT_LINE.matcher(raw).matches();
            if (!raw.endsWith("\\") || comment) {
                if (!pending.isEmpty() || first != 0) {
                    pending.append(comment ? " " + raw : raw);
                    out.add(new LogicalLine(first, pending.toString()));
                    pending.setLength(0);
                    first = 0;
                } else {
                    out.add(new LogicalLine(number, raw));
                }
            } else {
                if (first == 0) first = number;
                pending.append(stripBackslashes(raw));
            }
            if (pending.length() > limits.maxLineLength()) {
                throw new ManifestException(file, first, "", "line longer than " + limits.maxLineLength() + " characters");
            }
        }
        if (first != 0) out.add(new LogicalLine(first, pending.toString()));
        return out;
    }

    /** pip strips every trailing and leading backslash of a continued line ({@code str.strip("\\")}). */
    private static String stripBackslashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\\') start++;
        while (end > start && s.charAt(end - 1) == '\\') end--;
        return s.substring(start, end);
    }
}
