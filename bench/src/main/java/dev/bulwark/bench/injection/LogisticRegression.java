package dev.bulwark.bench.injection;

/**
 * L2-regularised, class-weighted logistic regression fitted by Newton's method (iteratively re-weighted least
 * squares): deterministic, no learning rate to tune, converges in a handful of steps for 385 parameters. The bias
 * is not regularised. Each example carries a weight (see {@link TrainInjection#weights}).
 */
final class LogisticRegression {
    private static final int MAX_ITERATIONS = 25;

    private LogisticRegression() {
    }

    /** Returns d weights followed by the bias. */
    static double[] fit(float[][] x, boolean[] y, double[] weights, double lambda) {
        int n = x.length;
        int d = x[0].length;
        int p = d + 1;
        double[] beta = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < n; i++) {
                double z = beta[d];
                for (int k = 0; k < d; k++) z += beta[k] * x[i][k];
                double prob = 1 / (1 + Math.exp(-z));
                double weight = weights[i];
                double residual = weight * (prob - (y[i] ? 1 : 0));
                double curvature = weight * prob * (1 - prob);
                for (int a = 0; a < p; a++) {
                    double xa = a < d ? x[i][a] : 1;
                    gradient[a] += residual * xa;
                    double cx = curvature * xa;
                    for (int b = 0; b <= a; b++) hessian[a][b] += cx * (b < d ? x[i][b] : 1);
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) hessian[b][a] = hessian[a][b];
                if (a < d) {
                    gradient[a] += lambda * beta[a];
                    hessian[a][a] += lambda;
                }
            }
            hessian[d][d] += 1e-9;
            double[] step = Cholesky.solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < p; a++) {
                beta[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-6) break;
        }
        return beta;
    }

    static double probability(double[] beta, float[] x) {
        int d = x.length;
        double z = beta[d];
        for (int k = 0; k < d; k++) z += beta[k] * x[k];
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves A·s = g for a symmetric positive-definite A. */
    static final class Cholesky {
        private Cholesky() {
        }

        static double[] solve(double[][] a, double[] g) {
            int n = g.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = a[i][j];
                    for (int k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
                    if (i == j) l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                    else l[i][j] = sum / l[j][j];
                }
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = g[i];
                for (int k = 0; k < i; k++) sum -= l[i][k] * y[k];
                y[i] = sum / l[i][i];
            }
            double[] s = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < n; k++) sum -= l[k][i] * s[k];
                s[i] = sum / l[i][i];
            }
            return s;
        }
    }
}
