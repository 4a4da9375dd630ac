package dev.bulwark.supply.deps.version;

import java.util.ArrayList;
import java.util.List;

/**
 * The sort key setuptools' old {@code LegacyVersion} gave to text that is not PEP 440: digit runs zero-padded to
 * eight places, words prefixed with '*', a few words mapped ("pre", "preview", "rc" → "c"; "dev" → "@"; "-" →
 * "final-"), trailing zeros of each numeric series dropped, and "*final" appended so pre-release words sort first.
 */
final class LegacyPythonKey {
    private LegacyPythonKey() {
    }

    static List<String> of(String lowerCaseText) {
        List<String> parts = new ArrayList<>();
        for (String raw : split(lowerCaseText)) {
            String part = switch (raw) {
                case "pre", "preview", "rc" -> "c";
                case "dev" -> "@";
                case "-" -> "final-";
                default -> raw;
            };
            if (part.isEmpty() || part.equals(".")) continue;
            String keyPart = Character.isDigit(part.charAt(0)) ? zeroFill(part) : "*" + part;
            if (keyPart.startsWith("*")) {
                if (keyPart.compareTo("*final") < 0) {
                    while (!parts.isEmpty() && parts.getLast().equals("*final-")) parts.removeLast();
                }
                while (!parts.isEmpty() && parts.getLast().equals("00000000")) parts.removeLast();
            }
            parts.add(keyPart);
        }
        parts.add("*final");
        return List.copyOf(parts);
    }

    private static String zeroFill(String digits) {
        return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
    }

    /** Splits into digit runs, letter runs, single '.' and '-', and whatever lies between them. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        var other = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = i + 1;
            if (isDigit(c)) {
                while (end < s.length() && isDigit(s.charAt(end))) end++;
            } else if (isLetter(c)) {
                while (end < s.length() && isLetter(s.charAt(end))) end++;
            } else if (c != '.' && c != '-') {
                other.append(c);
                i++;
                continue;
            }
            if (!other.isEmpty()) {
                out.add(other.toString());
                other.setLength(0);
            }
            out.add(s.substring(i, end));
            i = end;
        }
        if (!other.isEmpty()) out.add(other.toString());
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
