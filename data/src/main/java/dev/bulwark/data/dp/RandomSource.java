package dev.bulwark.data.dp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Uniform random integers for the samplers, drawn from 64-bit words by rejection: a candidate of the smallest
 * sufficient bit length is kept only when it is below the bound, so every value is exactly equally likely (a modulo
 * would favour the small values). Production noise comes from {@link SecureRandom}; tests may seed a deterministic
 * generator through the package-private {@link #seeded} to be reproducible.
 */
public final class RandomSource {
    private final LongSupplier words;

    private RandomSource(LongSupplier words) {
        this.words = words;
    }

    /** Noise from the platform's cryptographically strong generator: what every release of a statistic uses. */
    public static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return new RandomSource(random::nextLong);
    }

    /** Reproducible, NOT secure: for statistical tests only. */
    static RandomSource seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new RandomSource(random::nextLong);
    }

    /** A uniform integer in {@code [0, bound)}; {@code bound} &gt; 0. */
    public BigInteger below(BigInteger bound) {
        if (bound.signum() <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        if (bound.bitLength() <= 62) return BigInteger.valueOf(below(bound.longValueExact()));
        int bits = bound.subtract(BigInteger.ONE).bitLength();
        while (true) {
            BigInteger candidate = BigInteger.ZERO;
            for (int have = 0; have < bits; have += 64) {
                candidate = candidate.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(words.getAsLong())));
            }
            candidate = candidate.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            if (candidate.compareTo(bound) < 0) return candidate;
        }
    }

    /** A uniform integer in {@code [0, bound)}; {@code 0 < bound < 2^62}. */
    public long below(long bound) {
        if (bound <= 0 || bound > 1L << 62) throw new IllegalArgumentException("bound out of range: " + bound);
        if (bound == 1) return 0;
        int bits = 64 - Long.numberOfLeadingZeros(bound - 1);
        long mask = (1L << bits) - 1;
        while (true) {
            long candidate = words.getAsLong() & mask;
            if (candidate < bound) return candidate;
        }
    }

    /** True with probability exactly {@code p}, for a rational {@code 0 <= p <= 1}. */
    public boolean bernoulli(Rational p) {
        if (p.signum() < 0 || p.compareTo(Rational.ONE) > 0) throw new IllegalArgumentException("not a probability: " + p);
        return below(p.den()).compareTo(p.num()) < 0;
    }
}
