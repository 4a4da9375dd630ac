package dev.bulwark.data.dp;

import java.math.BigInteger;

/**
 * The exponential mechanism (McSherry–Talwar 2007), sampled exactly: candidate i with probability proportional to
 * exp(-γ_i), γ_i = ε·(u_max − u_i)/(2Δ) ≥ 0 as a rational. A uniform candidate is drawn and kept with probability
 * exp(-γ_i) (Canonne–Kamath–Steinke's Bernoulli(exp(-γ))): the kept index has exactly the target distribution, and
 * since the best candidate has γ = 0 the expected number of rounds is at most the number of candidates. Shifting by
 * u_max changes no probability; it only keeps γ non-negative.
 */
final class ExponentialMechanism {
    private ExponentialMechanism() {
    }

    /**
     * @param scores utilities as integers over a common denominator (u_i = scores[i] / scoreDenominator)
     * @param epsilon the privacy parameter
     * @param sensitivity Δ of the utility (in utility units, not score units)
     */
    static int sample(RandomSource random, BigInteger[] scores, BigInteger scoreDenominator, Rational epsilon,
                      Rational sensitivity) {
        BigInteger best = scores[0];
        for (BigInteger s : scores) best = best.max(s);
        // γ_i = ε (best − s_i) / (den · 2Δ)
        Rational factor = epsilon.divide(Rational.of(scoreDenominator).multiply(Rational.of(2, 1)).multiply(sensitivity));
        while (true) {
            int i = (int) random.below((long) scores.length);
            Rational gamma = Rational.of(best.subtract(scores[i])).multiply(factor);
            if (BernoulliExp.sample(random, gamma)) return i;
        }
    }
}
