package dev.winnow.rank.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnIndexTest {
    @Test
    void eachColumnAddsItsRowsValuesTimesTheWeight() {
        List<SparseVector> rows = List.of(
                new SparseVector(new int[] {0, 2}, new double[] {0.5, 0.25}),
                new SparseVector(new int[] {1}, new double[] {1.0}),
                new SparseVector(new int[] {0, 1, 3}, new double[] {0.125, 2.0, 4.0}));
        ColumnIndex c = ColumnIndex.of(rows, 4);
        assertThat(c.dimension()).isEqualTo(4);
        assertThat(c.size()).isEqualTo(6);
        double[] scores = new double[3];
        c.addColumn(0, 2.0, scores);
        assertThat(scores).containsExactly(1.0, 0.0, 0.25);
        c.addColumn(1, -1.0, scores);
        assertThat(scores).containsExactly(1.0, -1.0, -1.75);
        c.addColumn(3, 0.5, scores);
        c.addColumn(2, 4.0, scores);
        assertThat(scores).containsExactly(2.0, -1.0, 0.25);
    }

    @Test
    void featureRowsBuildTheirIndexOnceOnFirstUse() {
        FeatureRows rows = new FeatureRows(List.of(new SparseVector(new int[] {1}, new double[] {1.0})), 2);
        assertThat(rows.hasColumns()).isFalse();
        ColumnIndex first = rows.columns();
        assertThat(rows.columns()).isSameAs(first);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).indices()).containsExactly(1);
    }
}
