package dev.winnow.rank.features;

import java.util.List;

/**
 * Rows stored by column (compressed sparse columns): for feature j, the rows that have it and their
 * values, rows increasing. Values are kept as floats (half the memory of the rows' doubles; a score
 * summed from them differs from the row-wise double sum by about 1e-7 of its size).
 */
public final class ColumnIndex {
    private final int[] start;
    private final int[] rowOf;
    private final float[] value;

    private ColumnIndex(int[] start, int[] rowOf, float[] value) {
        this.start = start;
        this.rowOf = rowOf;
        this.value = value;
    }

    public static ColumnIndex of(List<SparseVector> rows, int dimension) {
        int[] count = new int[dimension];
        for (SparseVector r : rows) {
            for (int j : r.indices()) {
                if (j < dimension) {
                    count[j]++;
                }
            }
        }
        int[] start = new int[dimension + 1];
        long total = 0;
        for (int j = 0; j < dimension; j++) {
            start[j] = (int) total;
            total += count[j];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many feature values for one column index: " + total);
            }
        }
        start[dimension] = (int) total;
        int[] rowOf = new int[(int) total];
        float[] value = new float[(int) total];
        int[] fill = count; // reused as the next free slot per column
        System.arraycopy(start, 0, fill, 0, dimension);
        for (int i = 0; i < rows.size(); i++) {
            SparseVector r = rows.get(i);
            int[] idx = r.indices();
            double[] val = r.values();
            for (int k = 0; k < idx.length; k++) {
                int j = idx[k];
                if (j < dimension) {
                    int p = fill[j]++;
                    rowOf[p] = i;
                    value[p] = (float) val[k];
                }
            }
        }
        return new ColumnIndex(start, rowOf, value);
    }

    /** The number of features (columns). */
    public int dimension() {
        return start.length - 1;
    }

    /** The number of values stored. */
    public int size() {
        return rowOf.length;
    }

    /**
     * Adds {@code weight × value} of column {@code j} to {@code scores[row]} for every row that
     * has feature j.
     */
    public void addColumn(int j, double weight, double[] scores) {
        for (int p = start[j], end = start[j + 1]; p < end; p++) {
            scores[rowOf[p]] += weight * value[p];
        }
    }
}
