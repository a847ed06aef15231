package dev.winnow.rank.features;

import java.util.Arrays;

/** A sparse row: strictly increasing 0-based feature indices and their values. */
public record SparseVector(int[] indices, double[] values) {
    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public int size() {
        return indices.length;
    }

    /** Dot product with a dense weight vector (features beyond its length count as 0). */
    public double dot(double[] dense) {
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            int j = indices[i];
            if (j < dense.length) {
                s += values[i] * dense[j];
            }
        }
        return s;
    }

    /**
     * Dot product with a dense weight vector whose non-zero entries are the set bits of {@code
     * support} (bit j of {@code support[j / 64]}): other features are skipped unread. Equals
     * {@link #dot(double[])} (up to the sign of a zero result).
     */
    public double dot(double[] dense, long[] support) {
        double s = 0;
        for (int i = 0; i < indices.length; i++) {
            int j = indices[i];
            if (j < dense.length && (support[j >>> 6] & (1L << j)) != 0) {
                s += values[i] * dense[j];
            }
        }
        return s;
    }

    public double norm() {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** The value at feature {@code index}, 0 when absent. */
    public double get(int index) {
        int k = Arrays.binarySearch(indices, index);
        return k >= 0 ? values[k] : 0;
    }
}
