package dev.bulwark.detect;

import java.math.BigInteger;

/**
 * Check digits and entropy: what separates a real card number, IBAN, national id or key from a random look-alike.
 * Public so operators that must keep a value valid (format-preserving encryption of a card) can reuse them.
 */
public final class Checksums {
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private Checksums() {
    }

    /** Luhn (mod 10) check over a string of ASCII digits. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) return false;
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** ISO 13616 check: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
    public static boolean iban(String compact) {
        if (compact.length() < 15 || compact.length() > 34) return false;
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /** The two check digits that make {@code country + "00" + bban} a valid IBAN (used to build test data). */
    public static String ibanCheckDigits(String country, String bban) {
        var numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    /** UK NHS number: ten digits, weights 10..2 over the first nine, 11 − (sum mod 11) is the tenth (10 never valid). */
    public static boolean nhs(CharSequence digits) {
        if (digits.length() != 10 || !allDigits(digits)) return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += (digits.charAt(i) - '0') * (10 - i);
        int check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** Spanish DNI / NIE: 8 digits (NIE: X, Y, Z read as 0, 1, 2 + 7 digits) and the letter of the number mod 23. */
    public static boolean spanishId(String id) {
        if (id.length() != 9) return false;
        String body = id.substring(0, 8);
        char first = body.charAt(0);
        int lead = "XYZ".indexOf(Character.toUpperCase(first));
        if (lead >= 0) body = lead + body.substring(1);
        if (!allDigits(body)) return false;
        return DNI_LETTERS.charAt(Integer.parseInt(body) % 23) == Character.toUpperCase(id.charAt(8));
    }

    /** Shannon entropy in bits per character. */
    public static double entropy(CharSequence s) {
        if (s.length() == 0) return 0;
        var counts = new java.util.HashMap<Character, Integer>();
        for (int i = 0; i < s.length(); i++) counts.merge(s.charAt(i), 1, Integer::sum);
        double h = 0;
        for (int count : counts.values()) {
            double p = (double) count / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }

    /** The ASCII digits of {@code s}, separators dropped. */
    public static String digitsOf(CharSequence s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') out.append(c);
        }
        return out.toString();
    }

    static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return s.length() > 0;
    }
}
