package dev.bulwark.data.dp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The noise for a privacy target at a given sensitivity Δ (in the integer units the statistic is counted in).
 *
 * <ul>
 *   <li>Pure ε-DP: discrete Laplace of scale Δ/ε, exactly (a rational).
 *   <li>(ε, δ)-DP: discrete Gaussian with σ² = Δ²/(2ρ), which is ρ-zCDP (Canonne–Kamath–Steinke 2020, Thm 4),
 *       and ρ-zCDP implies (ρ + 2·√(ρ·ln(1/δ)), δ)-DP (Bun–Steinke 2016, Prop. 1.3). We take the largest ρ with
 *       ρ + 2√(ρL) ≤ ε, L = ln(1/δ): √ρ = √(L+ε) − √L. That ρ is computed in floating point, so it is shrunk by a
 *       relative 1e-9 and σ² is rounded up to 12 significant digits: both only add noise, never remove it. (The
 *       conversion is not the tightest known; it is the standard, simple and safe one.)
 * </ul>
 */
public final class Calibration {
    private Calibration() {
    }

    public static DiscreteLaplace laplace(BigDecimal epsilon, BigInteger sensitivity) {
        return DiscreteLaplace.withScale(Rational.of(sensitivity).divide(Rational.of(epsilon)));
    }

    public static DiscreteGaussian gaussian(BigDecimal epsilon, BigDecimal delta, BigInteger sensitivity) {
        double rho = rho(epsilon.doubleValue(), delta.doubleValue()) * (1 - 1e-9);
        BigDecimal sigma2 = new BigDecimal(sensitivity.pow(2))
                .divide(new BigDecimal(2 * rho, MathContext.DECIMAL64), new MathContext(12, RoundingMode.CEILING));
        return new DiscreteGaussian(Rational.of(sigma2));
    }

    /** The largest ρ whose zCDP-to-(ε, δ) conversion stays within ε. */
    static double rho(double epsilon, double delta) {
        double l = Math.log(1 / delta);
        double root = epsilon / (Math.sqrt(l + epsilon) + Math.sqrt(l)); // = √(L+ε) − √L without cancellation
        return root * root;
    }

    /** The ε that ρ-zCDP gives at δ (for checks and reports). */
    static double epsilonOf(double rho, double delta) {
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /** The noise for the target: Laplace when δ is 0, else Gaussian. */
    public static Noise noise(PrivacyAmount target, BigInteger sensitivity) {
        return target.delta().signum() == 0 ? laplace(target.epsilon(), sensitivity)
                : gaussian(target.epsilon(), target.delta(), sensitivity);
    }
}
