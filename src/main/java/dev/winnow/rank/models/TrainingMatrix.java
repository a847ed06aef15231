package dev.winnow.rank.models;

import dev.winnow.rank.features.SparseVector;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The labelled rows packed for a solver: one contiguous CSR block (row starts, column indices,
 * values) whose columns are renumbered to the training rows' own vocabulary, numbered in order of
 * first appearance (row by row, so the same rows in the same order always get the same numbers),
 * plus each row's squared norm. Within a row the entries keep their original order, so a dot
 * product with a compact weight vector adds the same products in the same order as the full row
 * with the full vector. Weight vectors over {@link #columns()} compact columns are mapped back to
 * the full feature space by {@link #expand}.
 */
public final class TrainingMatrix {
    /** Stored entries from which {@link #dotAll} splits the rows over the cores. */
    private static final int PARALLEL_FROM = 100_000;
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

    private final int rows;
    private final int[] start;
    private final int[] column;
    private final double[] value;
    private final double[] squaredNorm;
    private final int[] original;

    private TrainingMatrix(int rows, int[] start, int[] column, double[] value, double[] squaredNorm, int[] original) {
        this.rows = rows;
        this.start = start;
        this.column = column;
        this.value = value;
        this.squaredNorm = squaredNorm;
        this.original = original;
    }

    /** Packs {@code rows} (indices below {@code dimension}). */
    public static TrainingMatrix of(List<SparseVector> rows, int dimension) {
        int l = rows.size();
        int[] start = new int[l + 1];
        for (int i = 0; i < l; i++) {
            start[i + 1] = start[i] + rows.get(i).size();
        }
        int nnz = start[l];
        int[] column = new int[nnz];
        double[] value = new double[nnz];
        double[] squaredNorm = new double[l];
        // compactOf[j] = compact column + 1 of feature j (0: not seen yet); reset before returning
        int[] compactOf = SCRATCH.get();
        if (compactOf.length < dimension) {
            compactOf = new int[dimension];
            SCRATCH.set(compactOf);
        }
        int[] original = new int[Math.min(nnz, dimension)];
        int columns = 0;
        int k = 0;
        for (int i = 0; i < l; i++) {
            SparseVector x = rows.get(i);
            int[] idx = x.indices();
            double[] val = x.values();
            double sq = 0;
            for (int e = 0; e < idx.length; e++, k++) {
                int j = idx[e];
                int c = compactOf[j];
                if (c == 0) {
                    c = ++columns;
                    compactOf[j] = c;
                    original[c - 1] = j;
                }
                column[k] = c - 1;
                value[k] = val[e];
                sq += val[e] * val[e];
            }
            squaredNorm[i] = sq;
        }
        for (int c = 0; c < columns; c++) {
            compactOf[original[c]] = 0;
        }
        return new TrainingMatrix(l, start, column, value, squaredNorm, Arrays.copyOf(original, columns));
    }

    public int rows() {
        return rows;
    }

    /** The number of distinct features in the rows (the compact dimension). */
    public int columns() {
        return original.length;
    }

    /** The full feature index of compact column {@code c}. */
    public int originalColumn(int c) {
        return original[c];
    }

    /** Σ ‖row i‖² over its features (without any bias term). */
    public double squaredNorm(int i) {
        return squaredNorm[i];
    }

    /** Row i · w for a compact weight vector, adding the products in the row's original order. */
    public double dot(int i, double[] w) {
        double s = 0;
        for (int k = start[i], end = start[i + 1]; k < end; k++) {
            s += value[k] * w[column[k]];
        }
        return s;
    }

    /**
     * {@code out[i] = dot(i, w)} for every row; large matrices use every core (each row's sum is
     * computed as by {@link #dot}, so the result does not depend on the split).
     */
    public void dotAll(double[] w, double[] out) {
        if (start[rows] >= PARALLEL_FROM) {
            int chunks = Math.min(rows, 4 * Runtime.getRuntime().availableProcessors());
            IntStream.range(0, chunks).parallel().forEach(c -> {
                for (int i = (int) ((long) rows * c / chunks), end = (int) ((long) rows * (c + 1) / chunks); i < end; i++) {
                    out[i] = dot(i, w);
                }
            });
        } else {
            for (int i = 0; i < rows; i++) {
                out[i] = dot(i, w);
            }
        }
    }

    /** w += scale · row i, for a compact weight vector. */
    public void addTo(int i, double scale, double[] w) {
        for (int k = start[i], end = start[i + 1]; k < end; k++) {
            w[column[k]] += scale * value[k];
        }
    }

    /**
     * Writes compact weights into the full feature space: {@code into[originalColumn(c)] = w[c]}.
     * Features outside these rows are left as they are (zero in a fresh array).
     */
    public double[] expand(double[] w, double[] into) {
        for (int c = 0; c < original.length; c++) {
            into[original[c]] = w[c];
        }
        return into;
    }
}
