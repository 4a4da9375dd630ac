package dev.bulwark.detect.pii;

import java.util.List;

/**
 * Payment card issuers by IIN prefix range and allowed lengths (ISO/IEC 7812 as the networks publish them). A
 * Luhn-valid number no issuer claims is not reported: that is what keeps random digit runs out.
 */
enum CardIssuer {
    VISA(List.of(range(4, 4)), 13, 16, 19),
    MASTERCARD(List.of(range(51, 55), range(2221, 2720)), 16),
    AMEX(List.of(range(34, 34), range(37, 37)), 15),
    DISCOVER(List.of(range(6011, 6011), range(644, 649), range(65, 65), range(622126, 622925)), 16, 17, 18, 19),
    JCB(List.of(range(3528, 3589)), 16, 17, 18, 19),
    /** JCB's legacy 15-digit ranges. */
    JCB_LEGACY(List.of(range(2131, 2131), range(1800, 1800)), 15),
    DINERS(List.of(range(300, 305), range(3095, 3095), range(36, 36), range(38, 39)), 14, 15, 16, 17, 18, 19),
    UNIONPAY(List.of(range(62, 62), range(81, 81)), 16, 17, 18, 19),
    MAESTRO(List.of(range(50, 50), range(56, 69)), 12, 13, 14, 15, 16, 17, 18, 19);

    private final List<int[]> ranges;
    private final int[] lengths;

    CardIssuer(List<int[]> ranges, int... lengths) {
        this.ranges = ranges;
        this.lengths = lengths;
    }

    private static int[] range(int low, int high) {
        return new int[] {low, high, String.valueOf(low).length()};
    }

    /** Whether some issuer issues {@code digits} (prefix and length). */
    static boolean issues(String digits) {
        for (CardIssuer issuer : values()) {
            if (issuer.claims(digits)) return true;
        }
        return false;
    }

    boolean claims(String digits) {
        boolean lengthOk = false;
        for (int n : lengths) lengthOk |= n == digits.length();
        if (!lengthOk) return false;
        for (int[] r : ranges) {
            int prefix = Integer.parseInt(digits.substring(0, r[2]));
            if (prefix >= r[0] && prefix <= r[1]) return true;
        }
        return false;
    }
}
