package dev.winnow.rank.models;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.List;

/**
 * Averages classifiers: each member's (weights, bias) is scaled to unit norm before summing, so
 * members on different score scales (SVM margins, log-odds) count alike. The result is linear.
 */
public final class Ensemble implements Classifier {
    private final List<Classifier> members;

    public Ensemble(List<Classifier> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public LinearModel fit(List<SparseVector> rows, boolean[] relevant, ClassWeights weights, int dimension,
                           LinearModel warm) {
        double[] sum = new double[dimension];
        double bias = 0;
        for (Classifier c : members) {
            LinearModel m = c.fit(rows, relevant, weights, dimension, null);
            double norm = m.norm();
            double s = norm > 0 ? 1 / norm : 0;
            for (int j = 0; j < dimension; j++) {
                sum[j] += s * m.weights()[j];
            }
            bias += s * m.bias();
        }
        return new LinearModel(sum, bias);
    }
}
