package dev.winnow.rank.models;

import dev.winnow.rank.features.ColumnIndex;
import dev.winnow.rank.features.FeatureRows;
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
     * (each score is independent, so the result does not depend on the split). When most weights
     * are zero (an SVM's are zero on every feature no labelled record has), a bit set of the
     * non-zero ones is made first and a row's other features are skipped without reading their
     * weight: those reads were cache misses into a weight array of millions of features, and
     * skipping a zero term changes no score (at most the sign of a zero). From {@value
     * #COLUMNS_FROM} records, rows with a column index ({@link FeatureRows}) and at most one
     * non-zero weight in eight are scored by column instead ({@link #scoreByColumns}).
     */
    @Override
    public void scoreAll(List<SparseVector> rows, int[] ids, int count, double[] out) {
        if (count >= COLUMNS_FROM && rows instanceof FeatureRows byColumn) {
            int[] support = supportColumns(weights, byColumn.dimension() / 8);
            if (support != null) {
                scoreByColumns(byColumn, support, ids, count, out);
                return;
            }
        }
        long[] support = count >= SUPPORT_FROM ? sparseSupport(weights) : null;
        if (count >= PARALLEL_FROM) {
            IntStream.range(0, count).parallel().forEach(c -> out[c] = score(rows.get(ids[c]), support));
        } else {
            for (int c = 0; c < count; c++) {
                out[c] = score(rows.get(ids[c]), support);
            }
        }
    }

    private static final int SUPPORT_FROM = 4096;
    /** From this many records to score, a sparse model reads its features' columns, not every row. */
    static final int COLUMNS_FROM = 16_384;

    /**
     * Scores by columns: each record's score is the sum, over the features with a non-zero weight,
     * of weight × value, read from the feature's column (the rows that have it) rather than from
     * every row. With a few thousand non-zero weights among millions of features this reads well
     * under half the values a row-by-row pass reads, and none of the weight array's zeros. The
     * features are dealt to two fixed halves (alternately, so each half gets frequent and rare
     * ones), each summed into its own array on its own core, then added: the result does not
     * depend on the number of cores. Values are the column index's floats, so a score differs from
     * {@link #score(SparseVector)} by about 1e-7 of its size.
     */
    private void scoreByColumns(FeatureRows rows, int[] support, int[] ids, int count, double[] out) {
        ColumnIndex columns = rows.columns();
        double[] even = new double[rows.size()];
        double[] odd = new double[rows.size()];
        TwoCores.both(() -> addColumns(columns, support, 0, even), () -> addColumns(columns, support, 1, odd));
        for (int c = 0; c < count; c++) {
            int i = ids[c];
            out[c] = even[i] + odd[i] + bias;
        }
    }

    private void addColumns(ColumnIndex columns, int[] support, int first, double[] into) {
        for (int s = first; s < support.length; s += 2) {
            int j = support[s];
            if (j < columns.dimension()) {
                columns.addColumn(j, weights[j], into);
            }
        }
    }

    /** The features with a non-zero weight, increasing; null when there are more than {@code most}. */
    static int[] supportColumns(double[] w, int most) {
        int[] out = new int[64];
        int n = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                if (n == most) {
                    return null;
                }
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = j;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private double score(SparseVector x, long[] support) {
        return (support == null ? x.dot(weights) : x.dot(weights, support)) + bias;
    }

    /** A bit set of the non-zero weights, or null when more than half are non-zero (nothing to skip). */
    static long[] sparseSupport(double[] w) {
        long[] bits = new long[(w.length + 63) >>> 6];
        int nonZero = 0;
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                bits[j >>> 6] |= 1L << j;
                nonZero++;
            }
        }
        return nonZero * 2 > w.length ? null : bits;
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
