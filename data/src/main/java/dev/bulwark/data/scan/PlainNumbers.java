package dev.bulwark.data.scan;

/**
 * Cells no entity recognizer reports: an optionally signed whole number of at most six digits, or a decimal with at
 * most six digits in all ({@code 42}, {@code -17}, {@code 1234.56}). Ages, counts, prices and small ids are most
 * of a table's cells; skipping them is the cheapest speed-up there is. Phone numbers, cards and national ids need
 * seven digits or more, IP addresses and dates need more separators. {@code PlainNumbersTest} checks every such
 * value against the engine, so a recognizer that starts reporting one breaks the build, not the scan.
 */
final class PlainNumbers {
    static final int MAX_DIGITS = 6;

    private PlainNumbers() {
    }

    static boolean entityFree(String value) {
        int n = value.length();
        if (n == 0 || n > MAX_DIGITS + 2) return n == 0;
        int i = value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (c == '.' && !dot && digits > 0 && i < n - 1) dot = true;
            else return false;
        }
        return digits > 0 && digits <= MAX_DIGITS;
    }
}
