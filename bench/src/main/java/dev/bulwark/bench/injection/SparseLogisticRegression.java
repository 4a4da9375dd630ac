package dev.bulwark.bench.injection;

import java.util.Random;

/**
 * L2-regularised, example-weighted logistic regression over binary sparse features (each example: sorted bucket
 * indices, all with the same value), fitted by AdaGrad over a fixed number of passes in a seeded order:
 * deterministic, and fast enough for 2^18 weights where Newton's method is not. The bias is not regularised.
 */
final class SparseLogisticRegression {
    static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.5;
    private static final long SEED = 20261126L;

    private SparseLogisticRegression() {
    }

    /** Returns {@code dimension} weights followed by the bias. */
    static double[] fit(int[][] x, double[] value, boolean[] y, double[] weights, int dimension, double lambda) {
        double[] beta = new double[dimension + 1];
        double[] squared = new double[dimension + 1];
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        var random = new Random(SEED);
        double perExample = lambda / x.length;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                double z = margin(beta, x[i], value[i], dimension);
                double residual = weights[i] * (1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0));
                for (int k : x[i]) update(beta, squared, k, residual * value[i] + perExample * beta[k]);
                update(beta, squared, dimension, residual);
            }
        }
        return beta;
    }

    static double probability(double[] beta, int[] features, double value) {
        return 1 / (1 + Math.exp(-margin(beta, features, value, beta.length - 1)));
    }

    private static double margin(double[] beta, int[] features, double value, int dimension) {
        double z = beta[dimension];
        for (int k : features) z += beta[k] * value;
        return z;
    }

    private static void update(double[] beta, double[] squared, int k, double gradient) {
        squared[k] += gradient * gradient;
        beta[k] -= LEARNING_RATE * gradient / Math.sqrt(squared[k] + 1e-8);
    }
}
