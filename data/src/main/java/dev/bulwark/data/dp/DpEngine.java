package dev.bulwark.data.dp;

import dev.bulwark.data.table.SqlTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Answers a {@link DpQuery} about one file: checks the query and the columns, computes the exact statistic through
 * DuckDB while the spend is recorded in the ledger (which may refuse), and only once the spend is durable adds the
 * noise and releases the answer. The exact statistic never leaves this class: a refused query's is dropped unseen,
 * so a refusal never depends on the data, and a query that fails reading the data after its spend keeps the spend.
 *
 * <p>Numbers are counted as integers at the query's resolution: a value is read as a number, clamped to the bounds,
 * multiplied by 10^decimals and rounded, then clamped again to the scaled bounds (so double rounding can never
 * widen a row's influence). Cells that are empty or not numbers are left out of sum, mean and quantile.
 */
public final class DpEngine {
    /** Quantile candidates: at most this many evenly spaced points of [LO, HI] at the resolution. */
    static final int MAX_CANDIDATES = 1000;
    private static final double CONFIDENCE = 0.95;
    /**
     * The ledger's side (hash the file, then spend) runs on a daemon thread of its own: the common pool may have a
     * single thread, and a hash left behind by a failed open must not keep the process alive.
     */
    private static final Executor LEDGER_THREAD = task -> Thread.ofPlatform().daemon().name("dp-ledger").start(task);

    private final PrivacyLedger ledger;
    private final RandomSource random;

    public DpEngine(PrivacyLedger ledger, RandomSource random) {
        this.ledger = ledger;
        this.random = random;
    }

    /**
     * @param budget the dataset's total budget when this is its first query (null: the ledger's default)
     * @throws BudgetExceededException when the ledger refuses (nothing released)
     */
    public DpAnswer answer(Path file, DpQuery query, PrivacyAmount budget) {
        // the file's hash is its identity in the ledger: read while DuckDB opens the file and counts
        CompletableFuture<DatasetId> hashing = CompletableFuture.supplyAsync(() -> ledger.identify(file), LEDGER_THREAD);
        try (SqlTable table = SqlTable.open(file)) {
            String column = query.column() == null ? null : table.identifier(query.column());
            WhereClause where = WhereClause.parse(query.where(), table::identifier);
            // spent only now, when the query is known to be valid for this file
            CompletableFuture<PrivacyLedger.Receipt> spending = hashing.thenApplyAsync(
                    dataset -> ledger.spend(dataset, budget, query.privacy(), query.describe()), LEDGER_THREAD);
            // a refused query's count would be dropped anyway: stop DuckDB reading rather than wait for it
            spending.whenComplete((receipt, refused) -> {
                if (refused != null) table.cancel();
            });
            long start = System.nanoTime();
            Exact exact = null;
            RuntimeException failed = null;
            try {
                exact = switch (query.kind()) {
                    case COUNT -> count(table, column, where, query);
                    case SUM -> sum(table, column, where, query);
                    case MEAN -> mean(table, column, where, query);
                    case QUANTILE -> quantile(table, column, where, query);
                };
            } catch (RuntimeException e) {
                failed = e; // shown only after the spend: a refusal must not say whether the data could be read
            }
            long queryNanos = System.nanoTime() - start;
            PrivacyLedger.Receipt receipt = joined(spending);
            if (failed != null) throw failed;
            Released r = exact.release();
            var notes = new ArrayList<>(r.notes);
            receipt.warning().ifPresent(notes::add);
            return new DpAnswer(query, r.value, r.error, r.mechanism, query.privacy(), receipt, notes, queryNanos);
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** A statistic computed exactly, not yet released: {@link #release} adds the noise. */
    @FunctionalInterface
    private interface Exact {
        Released release();
    }

    private record Released(String value, String error, String mechanism, List<String> notes) {
    }

    private Exact count(SqlTable table, String column, WhereClause where, DpQuery query) {
        String sql = "SELECT count(*) FROM " + SqlTable.TABLE + " WHERE " + where.sql()
                + (column == null ? "" : " AND " + column + " IS NOT NULL");
        long n = table.query(sql, where.parameters(), rows -> {
            rows.next();
            return rows.getLong(1);
        });
        return () -> releaseCount(n, query);
    }

    private Released releaseCount(long n, DpQuery query) {
        Noise noise = Calibration.noise(query.privacy(), BigInteger.ONE);
        BigInteger noisy = BigInteger.valueOf(n).add(noise.sample(random));
        List<String> notes = new ArrayList<>();
        if (noisy.signum() < 0) {
            noisy = BigInteger.ZERO;
            notes.add("the noisy count fell below 0 and is shown as 0 (post-processing; no extra privacy cost)");
        }
        return new Released(noisy.toString(), "± " + noise.bound(CONFIDENCE), mechanism(noise, BigInteger.ONE, 0), notes);
    }

    /** The rows' clamped, scaled values as {@code v(x)} over the numeric cells; params follow the where's. */
    private static String clampedValues(String column, WhereClause where) {
        return "WITH v AS (SELECT TRY_CAST(" + column + " AS DOUBLE) AS x FROM " + SqlTable.TABLE + " WHERE " + where.sql()
                + "), c AS (SELECT least(greatest(round(least(greatest(x, ?), ?) * ?)::BIGINT, ?), ?) AS y FROM v"
                + " WHERE isfinite(x)) ";
    }

    private static List<Object> clampParameters(WhereClause where, DpQuery query) {
        var params = new ArrayList<Object>(where.parameters());
        params.add(query.lo().doubleValue());
        params.add(query.hi().doubleValue());
        params.add(Math.pow(10, query.decimals()));
        params.add(query.loScaled().longValueExact());
        params.add(query.hiScaled().longValueExact());
        return params;
    }

    /** Count and sum of the clamped, scaled values. */
    private static BigInteger[] countAndSum(SqlTable table, String column, WhereClause where, DpQuery query) {
        String sql = clampedValues(column, where) + "SELECT count(*), coalesce(sum(y), 0)::VARCHAR FROM c";
        return table.query(sql, clampParameters(where, query), rows -> {
            rows.next();
            return new BigInteger[] {BigInteger.valueOf(rows.getLong(1)), new BigInteger(rows.getString(2))};
        });
    }

    private static BigInteger sumSensitivity(DpQuery query) {
        return query.loScaled().abs().max(query.hiScaled().abs());
    }

    private Exact sum(SqlTable table, String column, WhereClause where, DpQuery query) {
        BigInteger sum = countAndSum(table, column, where, query)[1];
        return () -> releaseSum(sum, query);
    }

    private Released releaseSum(BigInteger sum, DpQuery query) {
        BigInteger delta = sumSensitivity(query);
        Noise noise = Calibration.noise(query.privacy(), delta);
        BigInteger noisy = sum.add(noise.sample(random));
        return new Released(Decimals.unscale(noisy, query.decimals()),
                "± " + Decimals.unscale(noise.bound(CONFIDENCE), query.decimals()),
                mechanism(noise, delta, query.decimals()), List.of(clampNote(query)));
    }

    /**
     * Mean = noisy sum / noisy count, each with half of ε (and of δ); sequential composition makes the pair
     * (ε, δ)-DP. The 95% interval comes from the noisy values only: each noise is within its 97.5% bound with
     * probability ≥ 97.5%, so both are (union bound) with ≥ 95%, and then the true mean lies between the extreme
     * ratios of the two intervals.
     */
    private Exact mean(SqlTable table, String column, WhereClause where, DpQuery query) {
        BigInteger[] cs = countAndSum(table, column, where, query);
        return () -> releaseMean(cs, query);
    }

    private Released releaseMean(BigInteger[] cs, DpQuery query) {
        PrivacyAmount half = new PrivacyAmount(query.privacy().epsilon().divide(BigDecimal.TWO),
                query.privacy().delta().divide(BigDecimal.TWO));
        BigInteger delta = sumSensitivity(query);
        Noise sumNoise = Calibration.noise(half, delta);
        Noise countNoise = Calibration.noise(half, BigInteger.ONE);
        BigDecimal scale = BigDecimal.TEN.pow(query.decimals());
        BigDecimal noisySum = new BigDecimal(cs[1].add(sumNoise.sample(random))).divide(scale);
        BigDecimal noisyCount = new BigDecimal(cs[0].add(countNoise.sample(random)));
        BigDecimal a = new BigDecimal(sumNoise.bound(1 - (1 - CONFIDENCE) / 2)).divide(scale);
        BigDecimal c = new BigDecimal(countNoise.bound(1 - (1 - CONFIDENCE) / 2));
        MathContext mc = new MathContext(12, RoundingMode.HALF_EVEN);
        BigDecimal mean = clamp(noisySum.divide(noisyCount.max(BigDecimal.ONE), mc), query);
        BigDecimal lowCount = noisyCount.subtract(c);
        String interval;
        if (lowCount.compareTo(BigDecimal.ONE) < 0) {
            interval = "[" + query.lo().toPlainString() + ", " + query.hi().toPlainString() + "] (too few rows for a narrower one)";
        } else {
            BigDecimal highCount = noisyCount.add(c);
            BigDecimal min = null;
            BigDecimal max = null;
            for (BigDecimal s : new BigDecimal[] {noisySum.subtract(a), noisySum.add(a)}) {
                for (BigDecimal n : new BigDecimal[] {lowCount, highCount}) {
                    BigDecimal r = s.divide(n, mc);
                    min = min == null ? r : min.min(r);
                    max = max == null ? r : max.max(r);
                }
            }
            interval = "[" + show(clamp(min, query)) + ", " + show(clamp(max, query)) + "]";
        }
        return new Released(show(mean), interval, "noisy sum / noisy count, ε and δ split in half: sum with "
                + mechanism(sumNoise, delta, query.decimals()) + "; count with " + mechanism(countNoise, BigInteger.ONE, 0),
                List.of(clampNote(query)));
    }

    /**
     * Quantile by the exponential mechanism over a grid of [LO, HI]: utility of a point c is −|#{values ≤ c} − q·n|,
     * whose sensitivity is 1 (one row moves the rank by at most 1 and q·n by q ≤ 1). The rank error bound is the
     * mechanism's standard one: with 95% probability the chosen point's utility is within (2/ε)·ln(m/0.05) of the
     * best grid point's.
     */
    private Exact quantile(SqlTable table, String column, WhereClause where, DpQuery query) {
        long lo = query.loScaled().longValueExact();
        long hi = query.hiScaled().longValueExact();
        int m = (int) Math.min(MAX_CANDIDATES, hi - lo + 1);
        long[] candidates = new long[m];
        for (int i = 0; i < m; i++) {
            candidates[i] = m == 1 ? lo : lo + BigInteger.valueOf(hi - lo).multiply(BigInteger.valueOf(i))
                    .divide(BigInteger.valueOf(m - 1)).longValueExact();
        }
        String sql = clampedValues(column, where) + "SELECT y, count(*) FROM c GROUP BY y ORDER BY y";
        long[] atOrBelow = new long[m];
        long n = table.query(sql, clampParameters(where, query), rows -> {
            long total = 0;
            int i = 0;
            while (rows.next()) {
                long y = rows.getLong(1);
                while (i < m && candidates[i] < y) atOrBelow[i++] = total;
                total += rows.getLong(2);
            }
            while (i < m) atOrBelow[i++] = total;
            return total;
        });
        return () -> releaseQuantile(candidates, atOrBelow, n, query);
    }

    private Released releaseQuantile(long[] candidates, long[] atOrBelow, long n, DpQuery query) {
        int m = candidates.length;
        long lo = query.loScaled().longValueExact();
        long hi = query.hiScaled().longValueExact();
        Rational q = Rational.of(query.q());
        BigInteger[] scores = new BigInteger[m];
        BigInteger target = q.num().multiply(BigInteger.valueOf(n));
        for (int i = 0; i < m; i++) {
            scores[i] = BigInteger.valueOf(atOrBelow[i]).multiply(q.den()).subtract(target).abs().negate();
        }
        Rational epsilon = Rational.of(query.privacy().epsilon());
        int chosen = ExponentialMechanism.sample(random, scores, q.den(), epsilon, Rational.ONE);
        double rankError = 2 / query.privacy().epsilon().doubleValue() * Math.log(m / (1 - CONFIDENCE));
        String step = Decimals.unscale(BigInteger.valueOf(m == 1 ? 0 : (hi - lo + m - 2) / (m - 1)), query.decimals());
        return new Released(Decimals.unscale(BigInteger.valueOf(candidates[chosen]), query.decimals()),
                "rank within ± " + (long) Math.ceil(rankError) + " rows of the best grid point (grid step " + step + ")",
                "exponential mechanism over " + m + " grid points of [" + query.lo().toPlainString() + ", "
                        + query.hi().toPlainString() + "], utility sensitivity 1", List.of(clampNote(query)));
    }

    private static BigDecimal clamp(BigDecimal v, DpQuery query) {
        return v.max(query.lo()).min(query.hi());
    }

    private static String show(BigDecimal v) {
        return v.round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String clampNote(DpQuery query) {
        return "values clamped to [" + query.lo().toPlainString() + ", " + query.hi().toPlainString() + "] and rounded to "
                + query.decimals() + " decimal" + (query.decimals() == 1 ? "" : "s") + "; empty or non-numeric cells left out";
    }

    private static String mechanism(Noise noise, BigInteger sensitivity, int decimals) {
        return noise.describe() + (decimals == 0 ? "" : " (in units of 10^-" + decimals + ")") + ", sensitivity "
                + Decimals.unscale(sensitivity, decimals);
    }
}
