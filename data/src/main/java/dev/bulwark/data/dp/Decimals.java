package dev.bulwark.data.dp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Numbers shown to people: exact decimals where they are short, six significant digits otherwise. */
final class Decimals {
    private Decimals() {
    }

    static String show(Rational r) {
        BigDecimal num = new BigDecimal(r.num());
        try {
            return num.divide(new BigDecimal(r.den())).stripTrailingZeros().toPlainString();
        } catch (ArithmeticException nonTerminating) {
            return num.divide(new BigDecimal(r.den()), new MathContext(6)).stripTrailingZeros().toPlainString();
        }
    }

    /** {@code scaled / 10^decimals} as a plain decimal. */
    static String unscale(BigInteger scaled, int decimals) {
        return new BigDecimal(scaled, decimals).toPlainString();
    }

    static String show(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
