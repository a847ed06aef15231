package dev.winnow.rank.models;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The L2-regularised squared-hinge linear SVM (scikit-learn's LinearSVC, ASReview's "svm"),
 * solved like liblinear's {@code L2R_L2LOSS_SVC_DUAL}: dual coordinate descent (Hsieh et al.,
 * ICML 2008), bias as a constant feature regularised with the weights, per-class C from the
 * balancer's weights. Unlike the liblinear Java port it warm-starts: the dual variables of the
 * previous fit are reused for the rows they belong to (any non-negative start is feasible, and
 * w is recomputed from them, so the optimum reached does not depend on the start). Retraining
 * after one more label then takes a few passes instead of a cold solve.
 *
 * <p>Objective: min ½‖w‖² + Σ C_i max(0, 1 − y_i w·x_i)²; stop when the projected-gradient
 * spread is at most {@code eps} (liblinear's criterion) or after {@code maxPasses}.
 */
public final class DualSvm implements Classifier {
    private final double c;
    private final double eps;
    private final int maxPasses;

    public DualSvm(double c, double eps, int maxPasses) {
        this.c = c;
        this.eps = eps;
        this.maxPasses = maxPasses;
    }

    public DualSvm(double c) {
        this(c, 0.01, 1000);
    }

    public double c() {
        return c;
    }

    @Override
    public LinearModel fit(List<SparseVector> rows, boolean[] relevant, ClassWeights weights, int dimension,
                           LinearModel warm) {
        int l = rows.size();
        double[] w = new double[dimension + 1];
        double[] alpha = new double[l];
        double[] diag = new double[l];
        double[] qd = new double[l];
        int[] y = new int[l];
        if (warm != null && warm.dual() != null) {
            System.arraycopy(warm.dual(), 0, alpha, 0, Math.min(l, warm.dual().length));
        }
        for (int i = 0; i < l; i++) {
            y[i] = relevant[i] ? 1 : -1;
            double ci = c * (relevant[i] ? weights.relevant() : weights.irrelevant());
            diag[i] = 0.5 / ci;
            SparseVector x = rows.get(i);
            double sq = 1.0; // the bias feature
            for (double v : x.values()) {
                sq += v * v;
            }
            qd[i] = sq + diag[i];
            if (alpha[i] != 0) {
                add(w, x, dimension, y[i] * alpha[i]);
            }
        }
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            index[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(l);
        for (int pass = 0; pass < maxPasses; pass++) {
            for (int i = l - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < l; s++) {
                int i = index[s];
                SparseVector x = rows.get(i);
                double g = y[i] * (dot(w, x, dimension)) - 1 + alpha[i] * diag[i];
                double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double delta = (alpha[i] - old) * y[i];
                    if (delta != 0) {
                        add(w, x, dimension, delta);
                    }
                }
            }
            if (pgMax - pgMin <= eps) {
                break;
            }
        }
        double[] weightsOut = java.util.Arrays.copyOf(w, dimension);
        return new LinearModel(weightsOut, w[dimension], alpha);
    }

    private static double dot(double[] w, SparseVector x, int dimension) {
        int[] idx = x.indices();
        double[] val = x.values();
        double s = w[dimension];
        for (int k = 0; k < idx.length; k++) {
            s += w[idx[k]] * val[k];
        }
        return s;
    }

    private static void add(double[] w, SparseVector x, int dimension, double scale) {
        int[] idx = x.indices();
        double[] val = x.values();
        for (int k = 0; k < idx.length; k++) {
            w[idx[k]] += scale * val[k];
        }
        w[dimension] += scale;
    }

    @Override
    public String toString() {
        return "dual CD L2-loss SVM C=" + c + " eps=" + eps;
    }
}
