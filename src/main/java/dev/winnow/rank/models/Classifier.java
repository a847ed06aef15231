package dev.winnow.rank.models;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.List;

/** Learns a linear scorer from labelled rows. */
public interface Classifier {
    /**
     * Fits on {@code rows} with {@code relevant[i]} the label of row i (both classes present).
     * {@code dimension} is the number of feature indices; {@code warm} is the previous fit on a
     * subset of these rows (may be null), used only as a starting point: the result does not
     * depend on it beyond the solver's tolerance.
     */
    LinearModel fit(List<SparseVector> rows, boolean[] relevant, ClassWeights weights, int dimension, LinearModel warm);
}
