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
 * <p>Objective: min ½‖w‖² + Σ C_i max(0, 1 − y_i w·x_i)²; liblinear's shrinking (rows at α = 0
 * whose gradient exceeds the last pass's largest projected gradient are set aside, then checked
 * again before stopping); stop when the projected-gradient spread is at most {@code eps}
 * (scikit-learn's {@code tol}, 1e-4 by default) or after {@code maxPasses} (its {@code max_iter}, 1000).
 *
 * <p>A warm start whose weight vector has this dimension is <em>taken over</em>: its weight array
 * is updated in place (no 8·dimension-byte allocation and no recomputation per retrain), so the
 * warm model must not be used afterwards.
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
        this(c, 1e-4, 1000);
    }

    public double c() {
        return c;
    }

    @Override
    public LinearModel fit(List<SparseVector> rows, boolean[] relevant, ClassWeights weights, int dimension,
                           LinearModel warm) {
        int l = rows.size();
        double[] alpha = new double[l];
        double[] diag = new double[l];
        double[] qd = new double[l];
        int[] y = new int[l];
        boolean reuse = warm != null && warm.dual() != null && warm.weights().length == dimension
                && warm.dual().length <= l;
        double[] w;
        double[] bias = {0};
        if (reuse) {
            // w = Σ y_i α_i x_i already holds for the warm rows (a prefix of these): take it over
            w = warm.weights();
            bias[0] = warm.bias();
            System.arraycopy(warm.dual(), 0, alpha, 0, warm.dual().length);
        } else {
            w = new double[dimension];
            if (warm != null && warm.dual() != null) {
                System.arraycopy(warm.dual(), 0, alpha, 0, Math.min(l, warm.dual().length));
            }
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
            if (!reuse && alpha[i] != 0) {
                add(w, bias, x, y[i] * alpha[i]);
            }
        }
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            index[i] = i;
        }
        // liblinear's solve_l2r_l1l2_svc with shrinking (the upper bound is infinite for L2 loss)
        SplittableRandom rng = new SplittableRandom(l);
        int active = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < maxPasses; pass++) {
            for (int i = active - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int i = index[s];
                SparseVector x = rows.get(i);
                double g = y[i] * (x.dot(w) + bias[0]) - 1 + alpha[i] * diag[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double delta = (alpha[i] - old) * y[i];
                    if (delta != 0) {
                        add(w, bias, x, delta);
                    }
                }
            }
            if (pgMax - pgMin <= eps) {
                if (active == l) {
                    break;
                }
                active = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
        }
        return new LinearModel(w, bias[0], alpha);
    }

    private static void add(double[] w, double[] bias, SparseVector x, double scale) {
        int[] idx = x.indices();
        double[] val = x.values();
        for (int k = 0; k < idx.length; k++) {
            w[idx[k]] += scale * val[k];
        }
        bias[0] += scale;
    }

    @Override
    public String toString() {
        return "dual CD L2-loss SVM C=" + c + " eps=" + eps;
    }
}
