package dev.winnow.rank.models;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A liblinear classifier with a bias feature (value 1, regularised like the weights, as
 * scikit-learn's liblinear wrappers do). Class weights multiply C per class, which is the same
 * as giving every record of the class that sample weight. Solved in the primal (trust-region
 * Newton), warm-started from the previous fit: the solution is the same optimum a cold start
 * reaches, found in fewer iterations.
 */
public final class Liblinear implements Classifier {
    /** The loss liblinear minimises. */
    public enum Loss {
        /** Squared hinge: scikit-learn's LinearSVC (ASReview's "svm"). */
        SQUARED_HINGE(SolverType.L2R_L2LOSS_SVC),
        /** Logistic: scikit-learn's LogisticRegression with the liblinear solver. */
        LOGISTIC(SolverType.L2R_LR);

        final SolverType solver;

        Loss(SolverType solver) {
            this.solver = solver;
        }
    }

    static {
        Linear.disableDebugOutput();
    }

    /** liblinear's form of each row, kept while the row lives (rows compare by identity). */
    private final Map<SparseVector, Feature[]> nodeCache = Collections.synchronizedMap(new WeakHashMap<>());
    private final Loss loss;
    private final double c;
    private final double eps;

    public Liblinear(Loss loss, double c, double eps) {
        this.loss = loss;
        this.c = c;
        this.eps = eps;
    }

    public Liblinear(Loss loss, double c) {
        this(loss, c, 0.001);
    }

    public Loss loss() {
        return loss;
    }

    public double c() {
        return c;
    }

    @Override
    public LinearModel fit(List<SparseVector> rows, boolean[] relevant, ClassWeights weights, int dimension,
                           LinearModel warm) {
        int l = rows.size();
        Problem p = new Problem();
        p.l = l;
        p.n = dimension + 1;
        p.bias = 1;
        p.x = new Feature[l][];
        p.y = new double[l];
        // relevant rows first, so liblinear's first label is "relevant" and w points towards it
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean want = pass == 0;
            for (int i = 0; i < l; i++) {
                if (relevant[i] == want) {
                    p.x[k] = nodes(rows.get(i), dimension);
                    p.y[k] = want ? 1 : 0;
                    k++;
                }
            }
        }
        Parameter param = new Parameter(loss.solver, c, eps);
        param.setWeights(new double[] {weights.relevant(), weights.irrelevant()}, new int[] {1, 0});
        if (warm != null) {
            double[] init = new double[dimension + 1];
            System.arraycopy(warm.weights(), 0, init, 0, Math.min(dimension, warm.weights().length));
            init[dimension] = warm.bias();
            param.setInitSol(init);
        }
        Model m = Linear.train(p, param);
        double[] w = m.getFeatureWeights();
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        double[] out = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            out[j] = sign * w[j];
        }
        return new LinearModel(out, sign * w[dimension]);
    }

    private Feature[] nodes(SparseVector v, int dimension) {
        Feature[] cached = nodeCache.get(v);
        if (cached != null && cached[cached.length - 1].getIndex() == dimension + 1) {
            return cached;
        }
        Feature[] f = toNodes(v, dimension);
        nodeCache.put(v, f);
        return f;
    }

    private static Feature[] toNodes(SparseVector v, int dimension) {
        int[] idx = v.indices();
        double[] val = v.values();
        Feature[] f = new Feature[idx.length + 1];
        for (int i = 0; i < idx.length; i++) {
            f[i] = new FeatureNode(idx[i] + 1, val[i]);
        }
        f[idx.length] = new FeatureNode(dimension + 1, 1.0);
        return f;
    }

    @Override
    public String toString() {
        return "liblinear " + loss.name().toLowerCase() + " C=" + c + " eps=" + eps;
    }
}
