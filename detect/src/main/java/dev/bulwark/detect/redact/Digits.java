package dev.bulwark.detect.redact;

/** The digits of a value written with separators, such as a card or phone number. */
final class Digits {
    /** What may sit between the digits of a number a person typed. */
    private static final String SEPARATORS = " -.()/+\u00a0";

    private Digits() {
    }

    /** Only ASCII digits and separators, and at least one digit. */
    static boolean isDigitShaped(String value) {
        boolean digit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (SEPARATORS.indexOf(c) < 0) return false;
        }
        return digit;
    }

    static String of(String value) {
        var out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') out.append(c);
        }
        return out.toString();
    }

    /** {@code value} with its digits, in order, replaced by {@code digits} (same count); separators stay. */
    static String refill(String value, String digits) {
        var out = new StringBuilder(value.length());
        int next = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c >= '0' && c <= '9' ? digits.charAt(next++) : c);
        }
        return out.toString();
    }

    /** The Luhn check digit that makes {@code payload + digit} pass the Luhn check. */
    static char luhnCheckDigit(String payload) {
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static boolean luhn(String digits) {
        return digits.length() > 1
                && luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1);
    }
}
