package dev.winnow.rank.models;

import dev.winnow.rank.features.SparseVector;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A fitted linear scorer: score(x) = w·x + bias; higher means more likely relevant.
 * {@code state} holds what a dual solver needs to warm-start the next fit (null when the solver
 * has none; see {@link DualState}).
 */
public record LinearModel(double[] weights, double bias, DualState state) implements Scorer {
    private static final int PARALLEL_FROM = 2048;

    public LinearModel(double[] weights, double bias) {
        this(weights, bias, null);
    }

    public double score(SparseVector x) {
        return x.dot(weights) + bias;
    }

    /**
     * Scores {@code rows[ids[0..count)]} into {@code out[0..count)}; large batches use every core
     * (each score is independent, so the result does not depend on the split).
     */
    @Override
    public void scoreAll(List<SparseVector> rows, int[] ids, int count, double[] out) {
        if (count >= PARALLEL_FROM) {
            IntStream.range(0, count).parallel().forEach(c -> out[c] = score(rows.get(ids[c])));
        } else {
            for (int c = 0; c < count; c++) {
                out[c] = score(rows.get(ids[c]));
            }
        }
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
