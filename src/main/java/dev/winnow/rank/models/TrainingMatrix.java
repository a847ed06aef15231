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
    private final int columns;
    private final SparseVector[] source;

    private TrainingMatrix(int rows, int[] start, int[] column, double[] value, double[] squaredNorm, int[] original,
                           int columns, SparseVector[] source) {
        this.rows = rows;
        this.start = start;
        this.column = column;
        this.value = value;
        this.squaredNorm = squaredNorm;
        this.original = original;
        this.columns = columns;
        this.source = source;
    }

    /** Packs {@code rows} (indices below {@code dimension}). */
    public static TrainingMatrix of(List<SparseVector> rows, int dimension) {
        return extend(null, rows, dimension);
    }

    /**
     * Packs {@code rows}, reusing {@code previous} when it packed a prefix of them (the same row
     * objects, in order): only the new rows are read, and the result equals {@link #of}. The
     * previous matrix's storage is taken over (extended in place), so it must not be extended again.
     */
    public static TrainingMatrix extend(TrainingMatrix previous, List<SparseVector> rows, int dimension) {
        int l = rows.size();
        int from = 0;
        if (previous != null && previous.rows <= l) {
            from = previous.rows;
            for (int i = 0; i < previous.rows; i++) {
                if (previous.source[i] != rows.get(i)) {
                    from = 0;
                    break;
                }
            }
        }
        int nnz = from == 0 ? 0 : previous.start[from];
        int need = nnz;
        for (int i = from; i < l; i++) {
            need += rows.get(i).size();
        }
        int[] start = grow(from == 0 ? null : previous.start, l + 1);
        int[] column = grow(from == 0 ? null : previous.column, need);
        double[] value = grow(from == 0 ? null : previous.value, need);
        double[] squaredNorm = grow(from == 0 ? null : previous.squaredNorm, l);
        SparseVector[] source = from == 0 ? new SparseVector[l] : previous.source.length >= l ? previous.source
                : Arrays.copyOf(previous.source, Math.max(l, previous.source.length * 3 / 2));
        int[] original = grow(from == 0 ? null : previous.original, Math.min(need, dimension));
        int columns = from == 0 ? 0 : previous.columns;
        // compactOf[j] = compact column + 1 of feature j (0: not seen yet); reset before returning
        int[] compactOf = SCRATCH.get();
        if (compactOf.length < dimension) {
            compactOf = new int[dimension];
            SCRATCH.set(compactOf);
        }
        for (int c = 0; c < columns; c++) {
            compactOf[original[c]] = c + 1;
        }
        int k = nnz;
        for (int i = from; i < l; i++) {
            SparseVector x = rows.get(i);
            source[i] = x;
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
            start[i + 1] = k;
        }
        for (int c = 0; c < columns; c++) {
            compactOf[original[c]] = 0;
        }
        return new TrainingMatrix(l, start, column, value, squaredNorm, original, columns, source);
    }

    private static int[] grow(int[] a, int n) {
        return a == null ? new int[n] : a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 3 / 2));
    }

    private static double[] grow(double[] a, int n) {
        return a == null ? new double[n] : a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 3 / 2));
    }

    public int rows() {
        return rows;
    }

    /** The number of distinct features in the rows (the compact dimension). */
    public int columns() {
        return columns;
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
        for (int c = 0; c < columns; c++) {
            into[original[c]] = w[c];
        }
        return into;
    }
}
