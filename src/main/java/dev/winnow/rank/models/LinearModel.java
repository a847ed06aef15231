package dev.winnow.rank.models;

import dev.winnow.rank.features.SparseVector;

/**
 * A fitted linear scorer: score(x) = w·x + bias; higher means more likely relevant.
 * {@code dual} holds a dual solver's variables, one per training row in the order given, for
 * warm starts (null when the solver has none).
 */
public record LinearModel(double[] weights, double bias, double[] dual) {
    public LinearModel(double[] weights, double bias) {
        this(weights, bias, null);
    }

    public double score(SparseVector x) {
        return x.dot(weights) + bias;
    }

    /** The Euclidean norm of (weights, bias). */
    public double norm() {
        double s = bias * bias;
        for (double w : weights) {
            s += w * w;
        }
        return Math.sqrt(s);
    }
}
