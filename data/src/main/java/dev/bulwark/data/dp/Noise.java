package dev.bulwark.data.dp;

import java.math.BigInteger;

/**
 * Integer-valued noise added to an integer statistic. Each implementation samples exactly (rational arithmetic over
 * uniform integers) and knows its own distribution, so the error bound it prints is a quantile of the very
 * distribution the noise came from.
 */
public sealed interface Noise permits DiscreteLaplace, DiscreteGaussian {

    /** One draw. */
    BigInteger sample(RandomSource random);

    /** Probability of exactly {@code x} (for tests and error bounds; never used to sample). */
    double pmf(long x);

    /** The smallest m ≥ 0 with P(|noise| ≤ m) ≥ {@code confidence}. */
    BigInteger bound(double confidence);

    /** One line for people: the distribution and its parameter. */
    String describe();
}
