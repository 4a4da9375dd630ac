package dev.bulwark.detect;

import java.math.BigInteger;

/** Check digits and entropy: what separates a real card number, IBAN or key from a random look-alike. */
final class Checksums {
    private Checksums() {
    }

    /** Luhn (mod 10) check over a string of ASCII digits. */
    static boolean luhn(CharSequence digits) {
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
    static boolean iban(String compact) {
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
    static String ibanCheckDigits(String country, String bban) {
        var numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    /** Shannon entropy in bits per character. */
    static double entropy(CharSequence s) {
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
}
