package dev.bulwark.data.dp;

import java.math.BigDecimal;

/**
 * An (ε, δ) pair, as a spend or as a budget, in exact decimals so that sums in the ledger never round down.
 * δ = 0 is pure ε-differential privacy.
 */
public record PrivacyAmount(BigDecimal epsilon, BigDecimal delta) {
    public static final PrivacyAmount NONE = new PrivacyAmount(BigDecimal.ZERO, BigDecimal.ZERO);
    /** The budget a dataset gets when its first query gives no {@code --budget}: ε = 1, δ = 1e-6. */
    public static final PrivacyAmount DEFAULT_BUDGET = new PrivacyAmount(BigDecimal.ONE, new BigDecimal("0.000001"));

    public PrivacyAmount {
        if (epsilon.signum() < 0 || delta.signum() < 0) throw new IllegalArgumentException("epsilon and delta must be >= 0");
        if (delta.compareTo(BigDecimal.ONE) >= 0) throw new IllegalArgumentException("delta must be below 1");
    }

    /** Sequential composition: ε adds up and δ adds up. */
    public PrivacyAmount plus(PrivacyAmount o) {
        return new PrivacyAmount(epsilon.add(o.epsilon), delta.add(o.delta));
    }

    /** What is left of this budget after {@code spent} (never below zero). */
    public PrivacyAmount leftAfter(PrivacyAmount spent) {
        return new PrivacyAmount(epsilon.subtract(spent.epsilon).max(BigDecimal.ZERO),
                delta.subtract(spent.delta).max(BigDecimal.ZERO));
    }

    /** True when both parts are at most the budget's. */
    public boolean fitsWithin(PrivacyAmount budget) {
        return epsilon.compareTo(budget.epsilon) <= 0 && delta.compareTo(budget.delta) <= 0;
    }

    public boolean sameAs(PrivacyAmount o) {
        return epsilon.compareTo(o.epsilon) == 0 && delta.compareTo(o.delta) == 0;
    }

    @Override
    public String toString() {
        return "ε " + Decimals.show(epsilon) + ", δ " + Decimals.show(delta);
    }
}
