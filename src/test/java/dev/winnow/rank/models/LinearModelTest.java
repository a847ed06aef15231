package dev.winnow.rank.models;

import static org.assertj.core.api.Assertions.assertThat;

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
}
