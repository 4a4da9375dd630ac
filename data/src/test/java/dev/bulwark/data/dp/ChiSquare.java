package dev.bulwark.data.dp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongSupplier;

/**
 * Chi-square goodness of fit of integer draws against an exact pmf. Bins: every value of the central mass whose
 * expected count is at least {@link #MIN_EXPECTED}, plus one pooled bin for each tail. The critical value at
 * p = 0.001 comes from the Wilson–Hilferty cube-root approximation (accurate to well under 1 % for 10+ degrees of
 * freedom), so a right sampler fails about once in a thousand seeds and a fixed seed never flakes.
 */
record ChiSquare(double statistic, int degreesOfFreedom, double critical) {
    static final int MIN_EXPECTED = 20;
    /** The standard normal quantile at 0.999. */
    private static final double Z_999 = 3.090232;

    boolean rejected() {
        return statistic > critical;
    }

    static ChiSquare of(int draws, LongSupplier sampler, LongToDoubleFunction pmf) {
        long edge = 0;
        while (pmf.applyAsDouble(edge + 1) * draws >= MIN_EXPECTED) edge++;
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) counts.merge(Math.max(-edge - 1, Math.min(edge + 1, sampler.getAsLong())), 1, Integer::sum);
        List<double[]> bins = new ArrayList<>(); // {observed, expected}
        double central = 0;
        for (long x = -edge; x <= edge; x++) {
            double p = pmf.applyAsDouble(x);
            central += p;
            bins.add(new double[] {counts.getOrDefault(x, 0), p * draws});
        }
        double tail = (1 - central) / 2; // both distributions are symmetric
        bins.add(new double[] {counts.getOrDefault(-edge - 1, 0), tail * draws});
        bins.add(new double[] {counts.getOrDefault(edge + 1, 0), tail * draws});
        double chi = 0;
        for (double[] bin : bins) chi += (bin[0] - bin[1]) * (bin[0] - bin[1]) / bin[1];
        int k = bins.size() - 1;
        double a = 2.0 / (9 * k);
        double critical = k * Math.pow(1 - a + Z_999 * Math.sqrt(a), 3);
        return new ChiSquare(chi, k, critical);
    }
}
