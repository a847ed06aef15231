package dev.winnow.rank.models;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The L2-regularised squared-hinge linear SVM (scikit-learn's LinearSVC, ASReview's "svm"),
 * solved in the dual as liblinear's {@code L2R_L2LOSS_SVC_DUAL}: bias as a constant feature
 * regularised with the weights, per-class C from the balancer's weights, and liblinear's own
 * stopping rule — dual coordinate descent (Hsieh et al., ICML 2008) with shrinking, stopped when
 * the projected-gradient spread over all rows is at most {@code eps} (scikit-learn's {@code tol},
 * 1e-4) or after {@code maxPasses} (its {@code max_iter}, 1000).
 *
 * <p>Objective: min ½‖w‖² + Σ C_i max(0, 1 − y_i w·x_i)². The optimum and the stopping test are
 * liblinear's; only the way there is faster:
 * <ul>
 *   <li>the rows are packed into a {@link TrainingMatrix} over the features at least two of them
 *       share (contiguous, a small weight vector that stays in cache); a feature only one row has
 *       is folded exactly into that row's diagonal term and its weight written back at the end;</li>
 *   <li>before coordinate descent, a few preconditioned conjugate-gradient steps solve the linear
 *       system of the support vectors (nearly every row, with this C), which coordinate descent
 *       alone approaches slowly; liblinear's stopping test is then checked at that point
 *       (one product on both cores), and only if it fails does coordinate descent polish to
 *       {@code eps} (on ACEInhibitors it never has to);</li>
 *   <li>a warm start reuses the previous fit's dual variables, stored as α_i / C_i and rescaled
 *       by this fit's C_i (the class weights change with every label); rows new since then get
 *       one coordinate step each;</li>
 *   <li>the products over all rows (margins, and Σ coefficient · row) use two cores.</li>
 * </ul>
 * Any non-negative start is feasible and the stopping test is on the final point, so the model
 * reached does not depend on the start beyond {@code eps}.
 *
 * <p>A warm start whose weight vector has this dimension and whose rows are a prefix of these
 * rows is <em>taken over</em>: its weight array is overwritten in place (no 8·dimension-byte
 * allocation per retrain), so the warm model must not be used afterwards.
 */
public final class DualSvm implements Classifier {
    private final double c;
    private final double eps;
    private final int maxPasses;
    private static final int CG_ITERATIONS = 50;

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
        TrainingMatrix x = TrainingMatrix.extend(warm == null ? null : warm.matrix(), rows, dimension);
        int l = x.rows();
        double[] alpha = new double[l];
        double[] ci = new double[l];
        double[] diag = new double[l];
        double[] qd = new double[l];
        int[] y = new int[l];
        for (int i = 0; i < l; i++) {
            y[i] = relevant[i] ? 1 : -1;
            ci[i] = c * (relevant[i] ? weights.relevant() : weights.irrelevant());
            diag[i] = 0.5 / ci[i] + x.foldedSquaredNorm(i); // D_ii, plus the features only this row has
            qd[i] = x.squaredNorm(i) + 1.0 + 0.5 / ci[i]; // + 1: the bias feature
        }
        // warm start: the previous fit's α/C (a prefix of these rows), times this fit's C (at the
        // optimum α_i = 2 C_i ξ_i, so this follows the class weights' change); w = Σ y α x to match;
        // then each new row gets one coordinate-descent step (8% fewer CG steps on ACEInhibitors)
        if (warm != null && warm.dual() != null) {
            int k = Math.min(l, warm.dual().length);
            for (int i = 0; i < k; i++) {
                alpha[i] = warm.dual()[i] * ci[i];
            }
        }
        double[] w = new double[x.columns()];
        double[] spare = new double[x.columns()];
        double[] coefficient = new double[l];
        double[] bias = {0};
        for (int i = 0; i < l; i++) {
            coefficient[i] = y[i] * alpha[i];
            bias[0] += coefficient[i];
        }
        x.addAll(coefficient, w, spare);
        int known = warm == null || warm.dual() == null ? l : Math.min(l, warm.dual().length);
        for (int i = known; i < l; i++) { // rows new since the warm start: one coordinate step each
            double g = y[i] * (x.dot(i, w) + bias[0]) - 1;
            if (g < 0) {
                double a = -g / qd[i];
                alpha[i] = a;
                x.addTo(i, y[i] * a, w);
                bias[0] += y[i] * a;
            }
        }
        conjugateGradient(x, y, alpha, diag, qd, w, bias, spare);
        if (!converged(x, y, alpha, diag, w, bias[0])) {
            coordinateDescent(x, y, alpha, diag, qd, w, bias);
        }
        boolean reuse = warm != null && warm.dual() != null && warm.weights().length == dimension
                && warm.dual().length <= l;
        double[] scaled = new double[l];
        for (int i = 0; i < l; i++) {
            scaled[i] = alpha[i] / ci[i];
            coefficient[i] = y[i] * alpha[i];
        }
        double[] full = x.expand(w, coefficient, reuse ? warm.weights() : new double[dimension]);
        return new LinearModel(full, bias[0], scaled, x);
    }

    /**
     * Preconditioned conjugate gradient on the rows that are (or want to be) support vectors:
     * solves (Q + D) α = 1 there, i.e. every such row's gradient 0, preconditioned by the diagonal
     * plus the bias's rank-one term (see {@link #precondition}; 40% fewer steps than the diagonal
     * alone on ACEInhibitors).
     * Stops when every gradient is within eps/4 of 0, after {@value #CG_ITERATIONS} iterations, or
     * as soon as a step would push some α below 0 (the step is cut there; coordinate descent
     * then finishes). Each iteration costs about one coordinate-descent pass, but far fewer are
     * needed: the rows are strongly coupled (bias, shared terms), which slows coordinate descent.
     */
    private void conjugateGradient(TrainingMatrix x, int[] y, double[] alpha, double[] diag, double[] qd,
                                   double[] w, double[] bias, double[] spare) {
        int l = x.rows();
        double[] r = new double[l];
        double[] yp = new double[l];
        double[] p = new double[l];
        double[] q = new double[l];
        boolean[] free = new boolean[l];
        double rz = 0;
        double rMax = 0;
        double[] margin = q;
        x.dotAll(w, margin);
        for (int i = 0; i < l; i++) {
            double g = y[i] * (margin[i] + bias[0]) - 1 + alpha[i] * diag[i];
            free[i] = alpha[i] > 0 || g < 0;
            r[i] = free[i] ? -g : 0;
            rMax = Math.max(rMax, Math.abs(r[i]));
        }
        double[] z = new double[l];
        precondition(r, free, y, qd, z);
        for (int i = 0; i < l; i++) {
            p[i] = z[i];
            rz += r[i] * z[i];
        }
        double[] u = new double[x.columns()];
        for (int it = 0; it < CG_ITERATIONS && rMax > eps / 4; it++) {
            double ub = 0;
            for (int i = 0; i < l; i++) {
                yp[i] = y[i] * p[i];
                ub += yp[i];
            }
            x.addAll(yp, u, spare); // u is all zero here
            x.dotAll(u, q);
            double pq = 0;
            for (int i = 0; i < l; i++) {
                if (free[i]) {
                    q[i] = y[i] * (q[i] + ub) + diag[i] * p[i];
                    pq += p[i] * q[i];
                }
            }
            if (!(pq > 0)) {
                return;
            }
            double step = rz / pq;
            boolean cut = false;
            for (int i = 0; i < l; i++) {
                if (p[i] < 0 && alpha[i] + step * p[i] < 0) {
                    step = -alpha[i] / p[i];
                    cut = true;
                }
            }
            for (int i = 0; i < l; i++) {
                if (free[i]) {
                    alpha[i] = Math.max(0, alpha[i] + step * p[i]);
                    r[i] -= step * q[i];
                }
            }
            for (int j = 0; j < u.length; j++) {
                w[j] += step * u[j];
                u[j] = 0;
            }
            bias[0] += step * ub;
            if (cut) {
                return;
            }
            precondition(r, free, y, qd, z);
            double rz2 = 0;
            rMax = 0;
            for (int i = 0; i < l; i++) {
                rz2 += r[i] * z[i];
                rMax = Math.max(rMax, Math.abs(r[i]));
            }
            double beta = rz2 / rz;
            rz = rz2;
            for (int i = 0; i < l; i++) {
                p[i] = free[i] ? z[i] + beta * p[i] : 0;
            }
        }
    }

    /**
     * z = M⁻¹ r over the free rows, M = the diagonal of Q + D without the bias's 1, plus the bias's
     * rank-one coupling y yᵀ (inverted by Sherman–Morrison): the bias ties every row to every other.
     */
    private static void precondition(double[] r, boolean[] free, int[] y, double[] qd, double[] z) {
        int l = r.length;
        double yr = 0;
        double inv = 0;
        for (int i = 0; i < l; i++) {
            if (free[i]) {
                double d = qd[i] - 1;
                yr += y[i] * r[i] / d;
                inv += 1 / d;
            }
        }
        double k = yr / (1 + inv);
        for (int i = 0; i < l; i++) {
            z[i] = free[i] ? (r[i] - y[i] * k) / (qd[i] - 1) : 0;
        }
    }

    /**
     * liblinear's stopping test at the current point, without moving it: the projected gradients
     * of all rows (g where α > 0; min(g, 0) where α = 0) lie within {@code eps} of each other.
     * One product of all rows with w (on both cores), instead of a coordinate-descent pass.
     */
    private boolean converged(TrainingMatrix x, int[] y, double[] alpha, double[] diag, double[] w, double bias) {
        int l = x.rows();
        double[] margin = new double[l];
        x.dotAll(w, margin);
        double pgMax = Double.NEGATIVE_INFINITY;
        double pgMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < l; i++) {
            double g = y[i] * (margin[i] + bias) - 1 + alpha[i] * diag[i];
            double pg = alpha[i] > 0 ? g : Math.min(g, 0);
            pgMax = Math.max(pgMax, pg);
            pgMin = Math.min(pgMin, pg);
        }
        return pgMax - pgMin <= eps;
    }

    /** liblinear's solve_l2r_l1l2_svc with shrinking (the upper bound is infinite for L2 loss). */
    private void coordinateDescent(TrainingMatrix x, int[] y, double[] alpha, double[] diag, double[] qd,
                                   double[] w, double[] bias) {
        int l = x.rows();
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            index[i] = i;
        }
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
                double g = y[i] * (x.dot(i, w) + bias[0]) - 1 + alpha[i] * diag[i];
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
                        x.addTo(i, delta, w);
                        bias[0] += delta;
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
    }

    @Override
    public String toString() {
        return "dual CD L2-loss SVM C=" + c + " eps=" + eps;
    }
}
