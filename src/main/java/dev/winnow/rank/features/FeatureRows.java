package dev.winnow.rank.features;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The TF-IDF rows of a corpus, read-only, with their {@link ColumnIndex} built on first use: a
 * scorer that only needs a few thousand features of hundreds of thousands of rows reads those
 * features' columns instead of every row ({@code models.LinearModel}). The index lives and dies
 * with these rows (a corpus that changes gets new rows, hence a new index).
 */
public final class FeatureRows extends AbstractList<SparseVector> implements RandomAccess {
    private final List<SparseVector> rows;
    private final int dimension;
    private volatile ColumnIndex columns;

    public FeatureRows(List<SparseVector> rows, int dimension) {
        this.rows = List.copyOf(rows);
        this.dimension = dimension;
    }

    @Override
    public SparseVector get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    public int dimension() {
        return dimension;
    }

    /** The rows by column, built once (about 8 bytes per stored value: a row number and a float). */
    public ColumnIndex columns() {
        ColumnIndex c = columns;
        if (c == null) {
            synchronized (this) {
                c = columns;
                if (c == null) {
                    c = ColumnIndex.of(rows, dimension);
                    columns = c;
                }
            }
        }
        return c;
    }

    /** Whether the column index has been built (for tests and benchmarks). */
    public boolean hasColumns() {
        return columns != null;
    }
}
