package dev.bulwark.data.dp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The discrete Laplace distribution on the integers with scale {@code t/s}: P(x) ∝ exp(-|x|·s/t). Added to an
 * integer statistic of sensitivity Δ with scale Δ/ε it gives ε-differential privacy. Sampled exactly by Canonne,
 * Kamath and Steinke 2020, Algorithm 2: a geometric number of scale-t blocks (U + t·V, with U uniform and accepted
 * with probability exp(-U/t), V counted in Bernoulli(exp(-1)) successes) divided by s, with a random sign; the
 * sign's double count of zero is rejected.
 */
public record DiscreteLaplace(BigInteger t, BigInteger s) implements Noise {

    public DiscreteLaplace {
        if (t.signum() <= 0 || s.signum() <= 0) throw new IllegalArgumentException("scale t/s needs t, s > 0");
    }

    /** Scale {@code scale} (= Δ/ε for ε-DP at sensitivity Δ). */
    public static DiscreteLaplace withScale(Rational scale) {
        return new DiscreteLaplace(scale.num(), scale.den());
    }

    public Rational scale() {
        return new Rational(t, s);
    }

    @Override
    public BigInteger sample(RandomSource random) {
        Rational one = Rational.ONE;
        while (true) {
            BigInteger u = random.below(t);
            if (!BernoulliExp.sample(random, new Rational(u, t))) continue;
            BigInteger v = BigInteger.ZERO;
            while (BernoulliExp.sample(random, one)) v = v.add(BigInteger.ONE);
            BigInteger y = u.add(t.multiply(v)).divide(s);
            boolean negative = random.below(2L) == 1;
            if (negative && y.signum() == 0) continue;
            return negative ? y.negate() : y;
        }
    }

    @Override
    public double pmf(long x) {
        double a = Math.exp(-1 / scale().toDouble());
        return (1 - a) / (1 + a) * Math.pow(a, Math.abs((double) x));
    }

    /** P(|X| &gt; m) = 2·exp(-(m+1)/b) / (1 + exp(-1/b)), solved for m and checked against that formula. */
    @Override
    public BigInteger bound(double confidence) {
        double b = scale().toDouble();
        double tail = 1 - confidence;
        double m = Math.max(0, Math.ceil(b * Math.log(2 / (tail * (1 + Math.exp(-1 / b))))) - 1);
        while (m > 0 && tailAbove(m - 1, b) <= tail) m--;
        while (tailAbove(m, b) > tail) m++;
        return new BigDecimal(m).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    private static double tailAbove(double m, double b) {
        return 2 * Math.exp(-(m + 1) / b) / (1 + Math.exp(-1 / b));
    }

    @Override
    public String describe() {
        return "discrete Laplace, scale " + Decimals.show(scale());
    }
}
