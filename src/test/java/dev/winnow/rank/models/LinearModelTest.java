package dev.winnow.rank.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.rank.features.FeatureRows;
import dev.winnow.rank.features.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LinearModelTest {
    private static List<SparseVector> rows(int n, int dim, SplittableRandom rng) {
        List<SparseVector> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TreeMap<Integer, Double> e = new TreeMap<>();
            for (int k = 0; k < 30; k++) {
                e.put(rng.nextInt(dim), rng.nextDouble());
            }
            out.add(new SparseVector(e.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    e.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    @Test
    void skippingZeroWeightsGivesTheSameScoresAsTheFullDotProduct() {
        SplittableRandom rng = new SplittableRandom(7);
        int dim = 20_000;
        List<SparseVector> rows = rows(9_000, dim, rng);
        double[] w = new double[dim];
        for (int j = 0; j < dim; j += 7) { // one weight in 7 non-zero, as an SVM's outside its training vocabulary
            w[j] = rng.nextDouble() - 0.5;
        }
        LinearModel m = new LinearModel(w, 0.25);
        assertThat(LinearModel.sparseSupport(w)).isNotNull();
        int[] ids = new int[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        double[] fast = new double[ids.length];
        m.scoreAll(rows, ids, ids.length, fast);
        for (int i = 0; i < ids.length; i++) {
            assertThat(fast[i]).isEqualTo(rows.get(i).dot(w) + 0.25);
        }
    }

    @Test
    void denseWeightsAreScoredWithoutABitSet() {
        double[] w = {1, 2, 0, 3};
        assertThat(LinearModel.sparseSupport(w)).isNull();
        double[] half = {1, 0, 0, 3};
        long[] bits = LinearModel.sparseSupport(half);
        assertThat(bits).containsExactly(0b1001L);
    }

    @Test
    void manyRecordsAreScoredByColumnsWithTheRowByRowScoresAndOrder() {
        SplittableRandom rng = new SplittableRandom(11);
        int dim = 200_000;
        FeatureRows rows = new FeatureRows(rows(LinearModel.COLUMNS_FROM * 5 / 4 + 1_000, dim, rng), dim);
        double[] w = new double[dim];
        for (int j = 0; j < dim; j += 31) { // a few thousand non-zero weights among many features
            w[j] = rng.nextDouble() - 0.5;
        }
        LinearModel m = new LinearModel(w, -0.125);
        // every other record, skipping some, as the unlabelled part of a queue
        int[] ids = java.util.stream.IntStream.range(0, rows.size()).filter(i -> i % 5 != 3).toArray();
        double[] byColumns = new double[ids.length];
        m.scoreAll(rows, ids, ids.length, byColumns);
        assertThat(rows.hasColumns()).as("the column path was taken").isTrue();
        int misordered = 0;
        for (int c = 0; c < ids.length; c++) {
            double exact = rows.get(ids[c]).dot(w) - 0.125;
            assertThat(byColumns[c]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-6));
            if (c > 0 && Math.signum(byColumns[c] - byColumns[c - 1])
                    != Math.signum(exact - (rows.get(ids[c - 1]).dot(w) - 0.125))) {
                misordered++;
            }
        }
        assertThat(misordered).as("neighbours ordered as the exact scores order them").isZero();
        double[] again = new double[ids.length];
        m.scoreAll(rows, ids, ids.length, again);
        assertThat(again).as("the same on every call, whichever core ran which half").containsExactly(byColumns);
    }

    @Test
    void denseWeightsAndFewRecordsAreScoredRowByRowExactly() {
        SplittableRandom rng = new SplittableRandom(12);
        int dim = 5_000;
        FeatureRows rows = new FeatureRows(rows(LinearModel.COLUMNS_FROM + 10, dim, rng), dim);
        double[] dense = new double[dim];
        for (int j = 0; j < dim; j++) { // naive Bayes: every feature weighted
            dense[j] = rng.nextDouble() - 0.5;
        }
        int[] ids = java.util.stream.IntStream.range(0, rows.size()).toArray();
        double[] out = new double[ids.length];
        new LinearModel(dense, 0).scoreAll(rows, ids, ids.length, out);
        assertThat(rows.hasColumns()).isFalse();
        assertThat(out[17]).isEqualTo(rows.get(17).dot(dense));
        double[] sparse = new double[dim];
        sparse[3] = 1;
        new LinearModel(sparse, 0).scoreAll(rows, ids, 100, out);
        assertThat(rows.hasColumns()).as("100 records: row by row").isFalse();
    }
}
