package dev.winnow.rank.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.balance.RatioBalancer;
import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.features.TfIdf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingMatrixTest {
    private static final List<String> WORDS = List.of("palliative", "oncology", "general", "practice", "shared",
            "care", "cardiac", "surgery", "stent", "patients", "study", "trial", "outcome", "hospital", "model");

    private static TfIdf corpus(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TfIdf t = new TfIdf(TfIdf.Settings.ELAS_U4);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                b.append(WORDS.get(rng.nextInt(i % 3 == 0 ? 6 : WORDS.size()))).append(' ');
            }
            t.add(b.toString());
        }
        return t;
    }

    @Test
    void compactRowsAreTheFullRowsRenumbered() {
        TfIdf t = corpus(60, 1);
        List<SparseVector> rows = t.rows().subList(10, 30);
        TrainingMatrix m = TrainingMatrix.of(rows, t.dimension());
        assertThat(m.rows()).isEqualTo(20);
        assertThat(m.columns()).isLessThan(t.dimension());
        // a full weight vector, and its compact restriction: same dot products, bit for bit
        SplittableRandom rng = new SplittableRandom(5);
        double[] full = new double[t.dimension()];
        for (int j = 0; j < full.length; j++) {
            full[j] = rng.nextDouble() - 0.5;
        }
        double[] compact = new double[m.columns()];
        for (int c = 0; c < compact.length; c++) {
            compact[c] = full[m.originalColumn(c)];
        }
        for (int i = 0; i < rows.size(); i++) {
            assertThat(m.dot(i, compact)).isEqualTo(rows.get(i).dot(full));
            assertThat(m.squaredNorm(i)).isCloseTo(rows.get(i).norm() * rows.get(i).norm(), within(1e-12));
        }
        // every column is some row's feature, each exactly once
        int[] originals = new int[m.columns()];
        for (int c = 0; c < originals.length; c++) {
            originals[c] = m.originalColumn(c);
        }
        assertThat(Arrays.stream(originals).distinct().count()).isEqualTo(originals.length);
        // addTo then expand puts the row's values back in their original columns
        double[] w = new double[m.columns()];
        m.addTo(3, 2.0, w);
        double[] back = m.expand(w, new double[t.dimension()]);
        for (int j = 0; j < back.length; j++) {
            assertThat(back[j]).isEqualTo(2.0 * rows.get(3).get(j));
        }
    }

    @Test
    void theSameRowsInTheSameOrderGetTheSameNumbersAndAPrefixKeepsItsNumbers() {
        TfIdf t = corpus(40, 2);
        TrainingMatrix all = TrainingMatrix.of(t.rows(), t.dimension());
        TrainingMatrix again = TrainingMatrix.of(t.rows(), t.dimension());
        TrainingMatrix prefix = TrainingMatrix.of(t.rows().subList(0, 15), t.dimension());
        for (int c = 0; c < all.columns(); c++) {
            assertThat(again.originalColumn(c)).isEqualTo(all.originalColumn(c));
        }
        for (int c = 0; c < prefix.columns(); c++) {
            assertThat(prefix.originalColumn(c)).isEqualTo(all.originalColumn(c));
        }
        // extending the prefix's matrix by the remaining rows gives the matrix of all rows
        TrainingMatrix extended = TrainingMatrix.extend(prefix, t.rows(), t.dimension());
        assertThat(extended.rows()).isEqualTo(all.rows());
        assertThat(extended.columns()).isEqualTo(all.columns());
        double[] w = new double[all.columns()];
        for (int c = 0; c < w.length; c++) {
            assertThat(extended.originalColumn(c)).isEqualTo(all.originalColumn(c));
            w[c] = Math.sin(c);
        }
        for (int i = 0; i < all.rows(); i++) {
            assertThat(extended.dot(i, w)).isEqualTo(all.dot(i, w));
            assertThat(extended.squaredNorm(i)).isEqualTo(all.squaredNorm(i));
        }
        // rows that are not the packed ones are packed from scratch
        List<SparseVector> other = new ArrayList<>(t.rows().subList(5, 40));
        TrainingMatrix fresh = TrainingMatrix.extend(TrainingMatrix.of(t.rows().subList(0, 10), t.dimension()),
                other, t.dimension());
        TrainingMatrix direct = TrainingMatrix.of(other, t.dimension());
        assertThat(fresh.columns()).isEqualTo(direct.columns());
        for (int c = 0; c < direct.columns(); c++) {
            assertThat(fresh.originalColumn(c)).isEqualTo(direct.originalColumn(c));
        }
    }

    /**
     * The compact solver against a plain reference: dual coordinate descent in the full feature
     * space, cold, solved to 1e-12; the compact fit (conjugate gradient + coordinate descent)
     * reaches the same weights within 1e-9, cold and warm-started.
     */
    @Test
    void compactFitGivesTheSameWeightsAsAFullSpaceReferenceSolver() {
        TfIdf t = corpus(90, 3);
        List<SparseVector> rows = t.rows();
        boolean[] relevant = new boolean[rows.size()];
        int rel = 0;
        for (int i = 0; i < relevant.length; i++) {
            relevant[i] = i % 3 == 0;
            rel += relevant[i] ? 1 : 0;
        }
        ClassWeights cw = new RatioBalancer(9.8).weights(rel, rows.size() - rel);
        double[] reference = referenceFit(rows, relevant, cw, 0.11, t.dimension());
        DualSvm svm = new DualSvm(0.11, 1e-12, 100_000);
        LinearModel cold = svm.fit(rows, relevant, cw, t.dimension(), null);
        assertWeights(cold, reference);

        List<SparseVector> first = new ArrayList<>(rows.subList(0, 60));
        boolean[] y60 = Arrays.copyOf(relevant, 60);
        LinearModel warm = svm.fit(first, y60, new RatioBalancer(9.8).weights(20, 40), t.dimension(), null);
        LinearModel fromWarm = svm.fit(rows, relevant, cw, t.dimension(), warm);
        assertWeights(fromWarm, reference);
    }

    private static void assertWeights(LinearModel m, double[] reference) {
        int d = reference.length - 1;
        for (int j = 0; j < d; j++) {
            assertThat(m.weights()[j]).as("weight %d", j).isCloseTo(reference[j], within(1e-9));
        }
        assertThat(m.bias()).isCloseTo(reference[d], within(1e-9));
    }

    /** Textbook dual coordinate descent (Hsieh et al. 2008), full space, cyclic, no shrinking; bias last. */
    private static double[] referenceFit(List<SparseVector> rows, boolean[] relevant, ClassWeights cw, double c,
                                         int dim) {
        int l = rows.size();
        double[] w = new double[dim + 1];
        double[] alpha = new double[l];
        for (int pass = 0; pass < 200_000; pass++) {
            double maxStep = 0;
            for (int i = 0; i < l; i++) {
                SparseVector x = rows.get(i);
                double y = relevant[i] ? 1 : -1;
                double d = 0.5 / (c * (relevant[i] ? cw.relevant() : cw.irrelevant()));
                double g = y * (x.dot(w) + w[dim]) - 1 + d * alpha[i];
                double q = x.norm() * x.norm() + 1 + d;
                double next = Math.max(0, alpha[i] - g / q);
                double delta = (next - alpha[i]) * y;
                alpha[i] = next;
                for (int k = 0; k < x.size(); k++) {
                    w[x.indices()[k]] += delta * x.values()[k];
                }
                w[dim] += delta;
                maxStep = Math.max(maxStep, Math.abs(delta));
            }
            if (maxStep < 1e-15) {
                break;
            }
        }
        return w;
    }
}
