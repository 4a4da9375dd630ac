package dev.bulwark.data.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact samplers against their exact distributions: chi-square over 100,000 draws, p = 0.001, fixed seeds. */
class SamplersTest {
    static final int DRAWS = 100_000;

    @ParameterizedTest(name = "discrete Laplace scale {0}/{1}")
    @CsvSource({"1,1", "7,2", "25,3"})
    void discreteLaplaceMatchesItsPmf(long t, long s) {
        var noise = new DiscreteLaplace(BigInteger.valueOf(t), BigInteger.valueOf(s));
        var random = RandomSource.seeded(42 + t);
        ChiSquare fit = ChiSquare.of(DRAWS, () -> noise.sample(random).longValueExact(), noise::pmf);
        assertThat(fit.degreesOfFreedom()).isGreaterThanOrEqualTo(5);
        assertThat(fit.rejected()).as("%s", fit).isFalse();
    }

    @ParameterizedTest(name = "discrete Gaussian sigma^2 {0}")
    @CsvSource({"1/1", "2/3", "169/4", "200/1"})
    void discreteGaussianMatchesItsPmf(String sigma2) {
        String[] f = sigma2.split("/");
        var noise = new DiscreteGaussian(Rational.of(Long.parseLong(f[0]), Long.parseLong(f[1])));
        var random = RandomSource.seeded(7 + sigma2.hashCode());
        ChiSquare fit = ChiSquare.of(DRAWS, () -> noise.sample(random).longValueExact(), noise::pmf);
        assertThat(fit.degreesOfFreedom()).isGreaterThanOrEqualTo(3);
        assertThat(fit.rejected()).as("%s", fit).isFalse();
    }

    /** Negative controls: the same test must reject samplers that are close but wrong. */
    @Test
    void rejectsRoundedContinuousLaplace() {
        var noise = new DiscreteLaplace(BigInteger.valueOf(7), BigInteger.valueOf(2));
        var random = new java.util.SplittableRandom(1);
        double b = 3.5;
        // the textbook way: a floating-point Laplace draw, rounded to an integer
        ChiSquare fit = ChiSquare.of(DRAWS, () -> {
            double u = random.nextDouble() - 0.5;
            return Math.round(-b * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }, noise::pmf);
        assertThat(fit.rejected()).as("%s", fit).isTrue();
    }

    @Test
    void rejectsGaussianWithSigmaTenPercentOff() {
        var claimed = new DiscreteGaussian(Rational.of(169, 4));
        var actual = new DiscreteGaussian(Rational.of(169 * 121, 400)); // sigma 1.1 x
        var random = RandomSource.seeded(3);
        ChiSquare fit = ChiSquare.of(DRAWS, () -> actual.sample(random).longValueExact(), claimed::pmf);
        assertThat(fit.rejected()).as("%s", fit).isTrue();
    }

    @Test
    void rejectsLaplaceWithWrongScale() {
        var claimed = new DiscreteLaplace(BigInteger.valueOf(7), BigInteger.valueOf(2));
        var actual = new DiscreteLaplace(BigInteger.valueOf(9), BigInteger.valueOf(2)); // scale 4.5, not 3.5
        var random = RandomSource.seeded(4);
        ChiSquare fit = ChiSquare.of(DRAWS, () -> actual.sample(random).longValueExact(), claimed::pmf);
        assertThat(fit.rejected()).as("%s", fit).isTrue();
    }

    @ParameterizedTest(name = "Bernoulli(exp(-{0}/{1}))")
    @CsvSource({"1,2", "1,1", "7,3", "9,2"})
    void bernoulliExpHasTheRightMean(long num, long den) {
        var random = RandomSource.seeded(num * 31 + den);
        Rational gamma = Rational.of(num, den);
        int hits = 0;
        for (int i = 0; i < DRAWS; i++) if (BernoulliExp.sample(random, gamma)) hits++;
        double p = Math.exp(-(double) num / den);
        double sd = Math.sqrt(DRAWS * p * (1 - p));
        assertThat(Math.abs(hits - DRAWS * p)).isLessThan(4 * sd); // |z| < 4: p ≈ 6e-5
    }

    @Test
    void uniformBelowIsUnbiasedForAnAwkwardBound() {
        // 3 does not divide 2^64: a modulo would skew; rejection keeps each third within 4 sd of DRAWS/3
        var random = RandomSource.seeded(9);
        int[] counts = new int[3];
        for (int i = 0; i < DRAWS; i++) counts[(int) random.below(3L)]++;
        double sd = Math.sqrt(DRAWS * (1.0 / 3) * (2.0 / 3));
        for (int c : counts) assertThat(Math.abs(c - DRAWS / 3.0)).isLessThan(4 * sd);
        BigInteger big = BigInteger.ONE.shiftLeft(100).add(BigInteger.valueOf(12345));
        for (int i = 0; i < 1000; i++) assertThat(random.below(big)).isLessThan(big).isNotNegative();
    }

    @Test
    void errorBoundsAreQuantilesOfTheExactDistribution() {
        var laplace = new DiscreteLaplace(BigInteger.valueOf(10), BigInteger.ONE);
        long m = laplace.bound(0.95).longValueExact();
        assertThat(mass(laplace, m)).isGreaterThanOrEqualTo(0.95);
        assertThat(mass(laplace, m - 1)).isLessThan(0.95);
        var gauss = new DiscreteGaussian(Rational.of(100, 1));
        long g = gauss.bound(0.95).longValueExact();
        assertThat(mass(gauss, g)).isGreaterThanOrEqualTo(0.95);
        assertThat(mass(gauss, g - 1)).isLessThan(0.95);
        assertThat(g).isBetween(19L, 20L); // ≈ 1.96 σ
        var wide = new DiscreteGaussian(Rational.of(BigInteger.TEN.pow(12)));
        assertThat(wide.bound(0.95).longValueExact()).isBetween(1_959_000L, 1_961_000L);
    }

    private static double mass(Noise noise, long m) {
        double sum = 0;
        for (long x = -m; x <= m; x++) sum += noise.pmf(x);
        return sum;
    }
}
