package dev.bulwark.data.dp;

import dev.bulwark.data.table.DataInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * One differentially private question about a dataset, checked before the ledger is touched.
 *
 * @param column   the column summed, averaged or ranked; for count, when given, only rows where it is present count
 * @param where    the {@code --where} filter text, or null
 * @param privacy  ε, and δ (0 for pure ε-DP with discrete Laplace; above 0 selects the discrete Gaussian)
 * @param lo       lower clamp bound (sum, mean, quantile), null for count
 * @param hi       upper clamp bound
 * @param q        the quantile in [0, 1] (quantile only)
 * @param decimals the resolution: values are rounded to this many decimals and counted as integers
 */
public record DpQuery(Kind kind, String column, String where, PrivacyAmount privacy, BigDecimal lo, BigDecimal hi,
                      BigDecimal q, int decimals) {
    /** Finer than this would need more than 18 digits for ordinary values. */
    public static final int MAX_DECIMALS = 9;
    /** Scaled bounds stay exactly representable as doubles inside DuckDB. */
    static final BigInteger MAX_SCALED = BigInteger.ONE.shiftLeft(53);
    /** ε above this is hardly privacy (e^20 ≈ 5·10^8): refused as a likely typo. */
    static final BigDecimal MAX_EPSILON = new BigDecimal(20);

    public enum Kind {
        COUNT, SUM, MEAN, QUANTILE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The default resolution: as many decimals as the bounds are written with. */
    public static int decimalsOf(BigDecimal lo, BigDecimal hi) {
        return Math.max(0, Math.max(lo == null ? 0 : lo.scale(), hi == null ? 0 : hi.scale()));
    }

    public DpQuery {
        if (privacy.epsilon().signum() <= 0) throw bad("--epsilon must be above 0");
        if (privacy.epsilon().compareTo(MAX_EPSILON) > 0) throw bad("--epsilon above " + MAX_EPSILON + " gives no meaningful privacy");
        if (kind != Kind.COUNT) {
            if (column == null) throw bad("--column is required for " + kind.label());
            if (lo == null || hi == null) {
                throw bad("--bounds LO,HI is required for " + kind.label() + ": values are clamped to them, which is what "
                        + "limits one person's influence (choose them from domain knowledge, not from the data)");
            }
            if (lo.compareTo(hi) >= 0) throw bad("--bounds: LO must be below HI");
            if (decimals < 0 || decimals > MAX_DECIMALS) throw bad("--decimals must be 0 to " + MAX_DECIMALS);
            for (BigDecimal b : new BigDecimal[] {lo, hi}) {
                BigDecimal scaled = b.movePointRight(decimals);
                if (scaled.stripTrailingZeros().scale() > 0) {
                    throw bad("--bounds " + b.toPlainString() + " has more decimals than the resolution (" + decimals + ")");
                }
                if (scaled.toBigInteger().abs().compareTo(MAX_SCALED) > 0) throw bad("--bounds too large for " + decimals + " decimals");
            }
        }
        if (kind == Kind.QUANTILE) {
            if (q == null || q.signum() < 0 || q.compareTo(BigDecimal.ONE) > 0) throw bad("--q must be between 0 and 1");
            if (privacy.delta().signum() != 0) throw bad("quantile is pure ε-DP (exponential mechanism): drop --delta");
        }
    }

    public BigInteger loScaled() {
        return lo.movePointRight(decimals).toBigIntegerExact();
    }

    public BigInteger hiScaled() {
        return hi.movePointRight(decimals).toBigIntegerExact();
    }

    /** How the ledger names the query. */
    public String describe() {
        var s = new StringBuilder(kind.label());
        if (kind == Kind.QUANTILE) s.append(' ').append(q.toPlainString());
        if (column != null) s.append('(').append(column).append(')');
        if (lo != null) s.append(" bounds ").append(lo.toPlainString()).append(',').append(hi.toPlainString());
        if (where != null && !where.isBlank()) s.append(" where ").append(where);
        return s.toString();
    }

    private static DataInputException bad(String message) {
        return new DataInputException(message);
    }
}
