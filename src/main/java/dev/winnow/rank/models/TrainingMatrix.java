package dev.winnow.rank.models;

import dev.winnow.rank.features.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * The labelled rows packed for the dual solver, with the columns only one row has folded away.
 *
 * <p>Why folding is exact: a feature j that only row i has gets the weight w_j = y_i α_i x_ij
 * (w = Σ y α x), so it adds y_i α_i x_ij² to row i's margin and nothing to any other row's. Its
 * part of the dual gradient, α_i x_ij², is the same as a larger diagonal term: the solver adds
 * {@link #foldedSquaredNorm} to D_ii and works on the <em>shared</em> columns only (features at
 * least two rows have, numbered 0..{@link #columns()} in the order they became shared).
 * {@link #expand} writes all weights back into the full feature space. In bigram TF-IDF most of a
 * review's vocabulary appears in one record only (ACEInhibitors, 2,500 labelled rows: 69% of 169k
 * features, 16% of the entries), so the solver's vectors are about a third as long.
 *
 * <p>Layout: one CSR block; row i's entries are {@code [start[i], start[i+1])}, its shared entries
 * first (up to {@code sharedEnd[i]}, column = shared column), then the ones only it has (column =
 * full feature index). Packing is incremental: {@link #extend} appends the new rows and, for a
 * feature an earlier row had alone, moves that row's entry into its shared part.
 *
 * <p>Products: large blocks split the work over two cores in a fixed way (see {@link #addAll}), so
 * results do not depend on the number of cores.
 */
public final class TrainingMatrix {
    /** Shared entries from which {@link #dotAll} and {@link #addAll} split the work over the cores. */
    private static final int PARALLEL_FROM = 100_000;

    private final int rows;
    private final int[] start;
    private final int[] sharedEnd;
    private final int[] column;
    private final double[] value;
    private final double[] squaredNorm;
    private final double[] foldedSquaredNorm;
    /** Per full feature: 0 unseen, s + 1 for shared column s, −(k + 1) for the only entry k. */
    private final int[] slot;
    private final int[] sharedOriginal;
    /** Per shared column: the row that had it alone before a later row brought it too, and its value there. */
    private final int[] firstRow;
    private final double[] firstValue;
    private final int columns;
    private final int sharedEntries;
    private final int reusedRows;
    private final SparseVector[] source;

    private TrainingMatrix(Builder b) {
        this.rows = b.rows;
        this.start = b.start;
        this.sharedEnd = b.sharedEnd;
        this.column = b.column;
        this.value = b.value;
        this.squaredNorm = b.squaredNorm;
        this.foldedSquaredNorm = b.foldedSquaredNorm;
        this.slot = b.slot;
        this.sharedOriginal = b.sharedOriginal;
        this.firstRow = b.firstRow;
        this.firstValue = b.firstValue;
        this.columns = b.columns;
        this.reusedRows = b.reusedRows;
        this.sharedEntries = b.sharedEntries;
        this.source = b.source;
    }

    /** Packs {@code rows} (indices below {@code dimension}). */
    public static TrainingMatrix of(List<SparseVector> rows, int dimension) {
        return extend(null, rows, dimension);
    }

    /**
     * Packs {@code rows}, reusing {@code previous} when it packed a prefix of them (the same row
     * objects, in order): only the new rows are read, and the result equals {@link #of}. The
     * previous matrix's storage is taken over (changed in place), so it must not be used again.
     */
    public static TrainingMatrix extend(TrainingMatrix previous, List<SparseVector> rows, int dimension) {
        int l = rows.size();
        boolean prefix = previous != null && previous.rows <= l;
        for (int i = 0; prefix && i < previous.rows; i++) {
            prefix = previous.source[i] == rows.get(i);
        }
        Builder b = new Builder(prefix ? previous : null, rows, dimension);
        for (int i = b.rows; i < l; i++) {
            b.append(rows.get(i));
        }
        return new TrainingMatrix(b);
    }

    /** The arrays being extended: taken over from a previous matrix, or new. */
    private static final class Builder {
        int rows;
        int[] start;
        int[] sharedEnd;
        int[] column;
        double[] value;
        double[] squaredNorm;
        double[] foldedSquaredNorm;
        int[] slot;
        int[] sharedOriginal;
        int[] firstRow;
        double[] firstValue;
        int columns;
        int sharedEntries;
        final int reusedRows;
        SparseVector[] source;

        Builder(TrainingMatrix previous, List<SparseVector> all, int dimension) {
            int l = all.size();
            int from = previous == null ? 0 : previous.rows;
            int need = previous == null ? 0 : previous.start[from];
            for (int i = from; i < l; i++) {
                need += all.get(i).size();
            }
            boolean p = previous != null;
            rows = from;
            start = grow(p ? previous.start : null, l + 1);
            sharedEnd = grow(p ? previous.sharedEnd : null, l);
            column = grow(p ? previous.column : null, need);
            value = grow(p ? previous.value : null, need);
            squaredNorm = grow(p ? previous.squaredNorm : null, l);
            foldedSquaredNorm = grow(p ? previous.foldedSquaredNorm : null, l);
            slot = p && previous.slot.length >= dimension ? previous.slot
                    : p ? Arrays.copyOf(previous.slot, dimension) : new int[dimension];
            sharedOriginal = grow(p ? previous.sharedOriginal : null, Math.min(need, dimension));
            firstRow = grow(p ? previous.firstRow : null, Math.min(need, dimension));
            firstValue = grow(p ? previous.firstValue : null, Math.min(need, dimension));
            reusedRows = from;
            columns = p ? previous.columns : 0;
            sharedEntries = p ? previous.sharedEntries : 0;
            source = !p ? new SparseVector[l] : previous.source.length >= l ? previous.source
                    : Arrays.copyOf(previous.source, Math.max(l, previous.source.length * 3 / 2));
        }

        /** Appends row {@code rows}: shared entries from the front, features new to it from the back. */
        void append(SparseVector x) {
            int i = rows;
            int[] idx = x.indices();
            double[] val = x.values();
            int front = start[i];
            int back = front + idx.length;
            start[i + 1] = back;
            double sq = 0;
            double folded = 0;
            for (int e = 0; e < idx.length; e++) {
                int j = idx[e];
                double v = val[e];
                sq += v * v;
                if (slot[j] < 0) {
                    share(j);
                }
                if (slot[j] > 0) {
                    column[front] = slot[j] - 1;
                    value[front++] = v;
                    sharedEntries++;
                } else {
                    column[--back] = j;
                    value[back] = v;
                    slot[j] = -(back + 1);
                    folded += v * v;
                }
            }
            sharedEnd[i] = front;
            squaredNorm[i] = sq;
            foldedSquaredNorm[i] = folded;
            source[i] = x;
            rows++;
        }

        /** Feature j, so far only in one earlier row, becomes a shared column: its entry moves to that row's shared part. */
        private void share(int j) {
            int k = -slot[j] - 1;
            int r = Arrays.binarySearch(start, 0, rows + 1, k);
            r = r >= 0 ? r : -r - 2;
            while (start[r + 1] <= k) { // past rows without entries: r is the row whose entries hold k
                r++;
            }
            int e = sharedEnd[r]++;
            double v = value[k];
            if (e != k) { // the entry at e (only row r has it) takes position k
                column[k] = column[e];
                value[k] = value[e];
                slot[column[k]] = -(k + 1);
            }
            int s = columns++;
            sharedOriginal[s] = j;
            firstRow[s] = r;
            firstValue[s] = v;
            slot[j] = s + 1;
            column[e] = s;
            value[e] = v;
            sharedEntries++;
            double folded = 0;
            for (int f = sharedEnd[r]; f < start[r + 1]; f++) {
                folded += value[f] * value[f];
            }
            foldedSquaredNorm[r] = folded;
        }
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

    /** The number of shared columns (features at least two rows have): the solver's vector length. */
    public int columns() {
        return columns;
    }

    /** The full feature index of shared column {@code c}. */
    public int originalColumn(int c) {
        return sharedOriginal[c];
    }

    /** How many of these rows were taken over from the matrix this one extends (0 when packed anew). */
    public int reusedRows() {
        return reusedRows;
    }

    /** The row that had shared column {@code c} alone until a later row brought it too. */
    public int firstRow(int c) {
        return firstRow[c];
    }

    /** That row's value in shared column {@code c}. */
    public double firstValue(int c) {
        return firstValue[c];
    }

    /** Σ ‖row i‖² over all its features (without any bias term). */
    public double squaredNorm(int i) {
        return squaredNorm[i];
    }

    /** Σ x_ij² over the features only row i has. */
    public double foldedSquaredNorm(int i) {
        return foldedSquaredNorm[i];
    }

    /** Row i · w over the shared columns (w indexed by shared column). */
    public double dot(int i, double[] w) {
        double s = 0;
        for (int k = start[i], end = sharedEnd[i]; k < end; k++) {
            s += value[k] * w[column[k]];
        }
        return s;
    }

    /**
     * {@code out[i] = dot(i, w)} for every row; large blocks split the rows over two cores (each
     * row's sum is computed as by {@link #dot}, so the result does not depend on the split).
     */
    public void dotAll(double[] w, double[] out) {
        if (sharedEntries >= PARALLEL_FROM) {
            int middle = middleRow();
            TwoCores.both(() -> dotRows(0, middle, w, out), () -> dotRows(middle, rows, w, out));
        } else {
            dotRows(0, rows, w, out);
        }
    }

    private void dotRows(int from, int to, double[] w, double[] out) {
        for (int i = from; i < to; i++) {
            out[i] = dot(i, w);
        }
    }

    /** w += scale · row i over the shared columns. */
    public void addTo(int i, double scale, double[] w) {
        for (int k = start[i], end = sharedEnd[i]; k < end; k++) {
            w[column[k]] += scale * value[k];
        }
    }

    /**
     * {@code into += Σ_i coefficient[i] · row i} over the shared columns (rows whose coefficient
     * is 0 are skipped). Large blocks split the rows into two halves of about the same number of
     * entries, always the same two for the same rows: the second half is summed into
     * {@code spare} on another core, then added. Each column's sum is therefore (first half) +
     * (second half), which may differ from a serial sum in the last bits but does not depend on the
     * number of cores. {@code spare} (at least {@link #columns()} long) must be all zero and is
     * left all zero.
     */
    public void addAll(double[] coefficient, double[] into, double[] spare) {
        if (sharedEntries < PARALLEL_FROM) {
            addRows(0, rows, coefficient, into);
            return;
        }
        int middle = middleRow();
        TwoCores.both(() -> addRows(0, middle, coefficient, into), () -> addRows(middle, rows, coefficient, spare));
        int half = columns / 2;
        TwoCores.both(() -> drain(spare, into, 0, half), () -> drain(spare, into, half, columns));
    }

    /** The first row of the second half: the halves hold about the same number of entries. */
    private int middleRow() {
        int i = Arrays.binarySearch(start, 0, rows + 1, start[rows] / 2);
        return i >= 0 ? i : -i - 1;
    }

    private void addRows(int from, int to, double[] coefficient, double[] into) {
        for (int i = from; i < to; i++) {
            if (coefficient[i] != 0) {
                addTo(i, coefficient[i], into);
            }
        }
    }

    private static void drain(double[] from, double[] into, int lo, int hi) {
        for (int j = lo; j < hi; j++) {
            into[j] += from[j];
            from[j] = 0;
        }
    }

    /**
     * Writes the weights in the full feature space: {@code into[originalColumn(c)] = w[c]} for the
     * shared columns and, for a feature j only row i has, {@code coefficient[i] · x_ij}
     * (coefficient = y_i α_i). Features outside these rows are left as they are (zero in a fresh
     * array).
     */
    public double[] expand(double[] w, double[] coefficient, double[] into) {
        for (int c = 0; c < columns; c++) {
            into[sharedOriginal[c]] = w[c];
        }
        for (int i = 0; i < rows; i++) {
            for (int k = sharedEnd[i], end = start[i + 1]; k < end; k++) {
                into[column[k]] = coefficient[i] * value[k];
            }
        }
        return into;
    }
}
