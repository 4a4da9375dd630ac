package dev.bulwark.data.dp;

import java.math.BigInteger;

/**
 * The discrete Gaussian on the integers with parameter σ²: P(x) ∝ exp(-x²/(2σ²)). With σ² = Δ²/(2ρ) it gives
 * ρ-zero-concentrated DP at L2 sensitivity Δ (Canonne, Kamath, Steinke 2020, Theorem 4). Sampled exactly by their
 * Algorithm 3: a discrete Laplace draw Y of scale t = ⌊σ⌋ + 1, kept with probability
 * exp(-(|Y| - σ²/t)² / (2σ²)), all in rationals.
 */
public record DiscreteGaussian(Rational sigma2) implements Noise {
    /** Above this σ the bound uses the continuous normal tail (the two agree to ~1e-9 for σ ≥ 1, Poisson summation). */
    private static final double EXACT_SUM_LIMIT = 100_000;

    public DiscreteGaussian {
        if (sigma2.signum() <= 0) throw new IllegalArgumentException("sigma^2 must be > 0");
    }

    @Override
    public BigInteger sample(RandomSource random) {
        BigInteger t = sigma2.floor().sqrt().add(BigInteger.ONE); // ⌊σ⌋ = ⌊√⌊σ²⌋⌋
        DiscreteLaplace laplace = new DiscreteLaplace(t, BigInteger.ONE);
        Rational sigma2OverT = sigma2.divide(Rational.of(t));
        Rational twoSigma2 = sigma2.multiply(Rational.of(2, 1));
        while (true) {
            BigInteger y = laplace.sample(random);
            Rational d = Rational.of(y.abs()).subtract(sigma2OverT);
            if (BernoulliExp.sample(random, d.multiply(d).divide(twoSigma2))) return y;
        }
    }

    public double sigma() {
        return Math.sqrt(sigma2.toDouble());
    }

    @Override
    public double pmf(long x) {
        double s2 = sigma2.toDouble();
        return Math.exp(-(double) x * x / (2 * s2)) / normaliser(s2);
    }

    private static double normaliser(double s2) {
        double sigma = Math.sqrt(s2);
        if (sigma > EXACT_SUM_LIMIT) return sigma * Math.sqrt(2 * Math.PI);
        long limit = (long) Math.ceil(40 * sigma) + 2;
        double z = 1;
        for (long x = 1; x <= limit; x++) z += 2 * Math.exp(-(double) x * x / (2 * s2));
        return z;
    }

    @Override
    public BigInteger bound(double confidence) {
        double s2 = sigma2.toDouble();
        double sigma = Math.sqrt(s2);
        if (sigma > EXACT_SUM_LIMIT) {
            // continuous tail, rounded up: P(|X| > m) = erfc(m / (σ√2))
            double lo = 0;
            double hi = 40 * sigma;
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                if (Erf.erfc(mid / (sigma * Math.sqrt(2))) <= 1 - confidence) hi = mid;
                else lo = mid;
            }
            return BigInteger.valueOf((long) Math.ceil(hi));
        }
        double z = normaliser(s2);
        double mass = 1 / z;
        long m = 0;
        while (mass < confidence) {
            m++;
            mass += 2 * Math.exp(-(double) m * m / (2 * s2)) / z;
        }
        return BigInteger.valueOf(m);
    }

    @Override
    public String describe() {
        return "discrete Gaussian, sigma^2 " + Decimals.show(sigma2) + " (sigma ≈ " + String.format(java.util.Locale.ROOT, "%.4g", sigma()) + ")";
    }
}
