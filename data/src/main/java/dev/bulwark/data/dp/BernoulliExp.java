package dev.bulwark.data.dp;

import java.math.BigInteger;

/**
 * Bernoulli(exp(-γ)) for a rational γ ≥ 0, exactly, using only uniform integers: Canonne, Kamath and Steinke, "The
 * Discrete Gaussian for Differential Privacy" (NeurIPS 2020), Algorithm 1. For γ ≤ 1 it counts how many
 * Bernoulli(γ/k) successes come in a row (k = 1, 2, …); the count is even with probability exactly exp(-γ) (the
 * alternating series of exp). A larger γ is split into ⌊γ⌋ draws of Bernoulli(exp(-1)) and one of the remainder.
 */
final class BernoulliExp {
    private BernoulliExp() {
    }

    static boolean sample(RandomSource random, Rational gamma) {
        if (gamma.signum() < 0) throw new IllegalArgumentException("gamma must be >= 0: " + gamma);
        BigInteger whole = gamma.floor();
        // each Bernoulli(exp(-1)) fails with probability ~0.63, so this loop ends after ~1.6 draws whatever ⌊γ⌋ is
        for (BigInteger k = BigInteger.ZERO; k.compareTo(whole) < 0; k = k.add(BigInteger.ONE)) {
            if (!atMostOne(random, Rational.ONE)) return false;
        }
        return atMostOne(random, gamma.subtract(Rational.of(whole)));
    }

    /** Bernoulli(exp(-γ)) for 0 ≤ γ ≤ 1. */
    private static boolean atMostOne(RandomSource random, Rational gamma) {
        BigInteger k = BigInteger.ONE;
        while (random.bernoulli(new Rational(gamma.num(), gamma.den().multiply(k)))) k = k.add(BigInteger.ONE);
        return k.testBit(0);
    }
}
