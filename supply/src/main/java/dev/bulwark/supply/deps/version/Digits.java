package dev.bulwark.supply.deps.version;

/** Compares runs of ASCII digits of any length by value, without parsing them into a bounded number type. */
final class Digits {
    private Digits() {
    }

    /** The digit run without leading zeros ("007" → "7", "000" → "0"). */
    static String canonical(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') i++;
        return digits.substring(i);
    }

    /** Compares two canonical digit runs by numeric value. */
    static int compare(String a, String b) {
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return Integer.signum(a.compareTo(b));
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
