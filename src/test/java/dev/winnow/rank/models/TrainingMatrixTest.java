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

    /** n records of 10 common words; every second one also has a word of its own (a column only it has). */
    private static TfIdf corpus(int n, long seed) {
        return corpus(n, 10, seed);
    }

    private static TfIdf corpus(int n, int words, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TfIdf t = new TfIdf(TfIdf.Settings.ELAS_U4);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words; w++) {
                b.append(WORDS.get(rng.nextInt(i % 3 == 0 ? 6 : WORDS.size()))).append(' ');
            }
            if (i % 2 == 0) {
                b.append(ownWord(i));
            }
            t.add(b.toString());
        }
        return t;
    }

    private static String ownWord(int i) {
        StringBuilder b = new StringBuilder("zz");
        for (int k = i + 1; k > 0; k /= 26) {
            b.append((char) ('a' + k % 26));
        }
        return b.toString();
    }

    /** Σ_i a_i · row i in the full feature space (the textbook w = Σ y α x). */
    private static double[] fullSum(List<SparseVector> rows, double[] a, int dimension) {
        double[] w = new double[dimension];
        for (int i = 0; i < rows.size(); i++) {
            SparseVector x = rows.get(i);
            for (int k = 0; k < x.size(); k++) {
                w[x.indices()[k]] += a[i] * x.values()[k];
            }
        }
        return w;
    }

    /** The number of rows that have feature j. */
    private static long rowsWith(List<SparseVector> rows, int j) {
        return rows.stream().filter(x -> x.get(j) != 0).count();
    }

    @Test
    void sharedColumnsAreTheFeaturesAtLeastTwoRowsHave() {
        TfIdf t = corpus(60, 1);
        List<SparseVector> rows = t.rows().subList(10, 30);
        TrainingMatrix m = TrainingMatrix.of(rows, t.dimension());
        assertThat(m.rows()).isEqualTo(20);
        int[] originals = new int[m.columns()];
        for (int c = 0; c < originals.length; c++) {
            originals[c] = m.originalColumn(c);
            assertThat(rowsWith(rows, originals[c])).isGreaterThanOrEqualTo(2);
        }
        assertThat(Arrays.stream(originals).distinct().count()).isEqualTo(originals.length);
        long shared = java.util.stream.IntStream.range(0, t.dimension()).filter(j -> rowsWith(rows, j) >= 2).count();
        assertThat(m.columns()).isEqualTo(shared);
        for (int i = 0; i < rows.size(); i++) {
            SparseVector x = rows.get(i);
            double folded = 0;
            for (int k = 0; k < x.size(); k++) {
                folded += rowsWith(rows, x.indices()[k]) == 1 ? x.values()[k] * x.values()[k] : 0;
            }
            assertThat(m.squaredNorm(i)).isCloseTo(x.norm() * x.norm(), within(1e-12));
            assertThat(m.foldedSquaredNorm(i)).isCloseTo(folded, within(1e-12));
        }
    }

    /**
     * The fold is exact: for any per-row coefficients a, w = Σ a_i x_i in the full space gives row i
     * the margin x_i·w = (shared part of x_i)·(shared part of w) + a_i · (folded squared norm of i),
     * and {@code expand} rebuilds the full w from the shared part and a. Built row by row (features
     * becoming shared as later rows bring them) and all at once alike.
     */
    @Test
    void foldingTheColumnsOnlyOneRowHasChangesNoMarginAndNoWeight() {
        TfIdf t = corpus(60, 4);
        List<SparseVector> rows = t.rows().subList(5, 45);
        TrainingMatrix grown = null;
        for (int n = 1; n <= rows.size(); n++) {
            grown = TrainingMatrix.extend(grown, rows.subList(0, n), t.dimension());
        }
        for (TrainingMatrix m : List.of(TrainingMatrix.of(rows, t.dimension()), grown)) {
            long single = java.util.stream.IntStream.range(0, t.dimension()).filter(j -> rowsWith(rows, j) == 1).count();
            assertThat(single).as("the corpus has features only one row has").isGreaterThanOrEqualTo(20);
            SplittableRandom rng = new SplittableRandom(7);
            double[] a = new double[rows.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = i % 5 == 0 ? 0 : rng.nextDouble() - 0.5;
            }
            double[] full = fullSum(rows, a, t.dimension());
            double[] shared = new double[m.columns()];
            m.addAll(a, shared, new double[m.columns()]);
            for (int c = 0; c < m.columns(); c++) {
                assertThat(shared[c]).isCloseTo(full[m.originalColumn(c)], within(1e-12));
            }
            for (int i = 0; i < rows.size(); i++) {
                assertThat(m.dot(i, shared) + a[i] * m.foldedSquaredNorm(i)).as("margin of row %d", i)
                        .isCloseTo(rows.get(i).dot(full), within(1e-12));
            }
            double[] back = m.expand(shared, a, new double[t.dimension()]);
            for (int j = 0; j < back.length; j++) {
                assertThat(back[j]).as("weight %d", j).isCloseTo(full[j], within(1e-12));
            }
        }
    }

    /** Above 100k shared entries the products use two cores: the serial results, within rounding. */
    @Test
    void largeBlocksSplitOverTwoCoresGiveTheSerialProducts() {
        TfIdf t = corpus(2000, 60, 6);
        TrainingMatrix m = TrainingMatrix.of(t.rows(), t.dimension());
        int[] rowsWith = new int[t.dimension()];
        t.rows().forEach(x -> Arrays.stream(x.indices()).forEach(j -> rowsWith[j]++));
        long sharedEntries = t.rows().stream().flatMapToInt(x -> Arrays.stream(x.indices()))
                .filter(j -> rowsWith[j] >= 2).count();
        assertThat(sharedEntries).as("entries in the shared columns").isGreaterThan(100_000);
        SplittableRandom rng = new SplittableRandom(8);
        double[] a = new double[m.rows()];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble() - 0.5;
        }
        double[] serial = new double[m.columns()];
        for (int i = 0; i < m.rows(); i++) {
            m.addTo(i, a[i], serial);
        }
        double[] split = new double[m.columns()];
        double[] spare = new double[m.columns()];
        m.addAll(a, split, spare);
        double[] margins = new double[m.rows()];
        m.dotAll(split, margins);
        for (int c = 0; c < serial.length; c++) {
            assertThat(split[c]).isCloseTo(serial[c], within(1e-9));
            assertThat(spare[c]).isZero();
        }
        for (int i = 0; i < m.rows(); i++) {
            assertThat(margins[i]).isEqualTo(m.dot(i, split));
        }
    }

    @Test
    void theSameRowsInTheSameOrderGetTheSameSharedColumnsAndAPrefixKeepsItsNumbers() {
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
        for (int c = 0; c < all.columns(); c++) {
            assertThat(extended.originalColumn(c)).isEqualTo(all.originalColumn(c));
            w[c] = Math.sin(c);
        }
        for (int i = 0; i < all.rows(); i++) {
            assertThat(extended.dot(i, w)).isEqualTo(all.dot(i, w));
            assertThat(extended.foldedSquaredNorm(i)).isEqualTo(all.foldedSquaredNorm(i));
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

        // one row at a time from 66 to 90 rows, each fit carrying the previous one's weights and
        // margins over (rows 65..127 stay below the next power of two, so nothing is recomputed)
        LinearModel chain = svm.fit(rows.subList(0, 65), Arrays.copyOf(relevant, 65), cw, t.dimension(), null);
        for (int n = 66; n <= rows.size(); n++) {
            int r = 0;
            for (int i = 0; i < n; i++) {
                r += relevant[i] ? 1 : 0;
            }
            ClassWeights step = new RatioBalancer(9.8).weights(r, n - r);
            chain = svm.fit(rows.subList(0, n), Arrays.copyOf(relevant, n), n == rows.size() ? cw : step,
                    t.dimension(), chain);
        }
        assertWeights(chain, reference);

        // a warm model fitted on other rows (not a prefix of these): none of its weights may leak
        LinearModel other = svm.fit(first, y60, new RatioBalancer(9.8).weights(20, 40), t.dimension(), null);
        List<SparseVector> later = rows.subList(30, 90);
        boolean[] yLater = Arrays.copyOfRange(relevant, 30, 90);
        ClassWeights cwLater = new RatioBalancer(9.8).weights(20, 40);
        LinearModel fromOther = svm.fit(later, yLater, cwLater, t.dimension(), other);
        LinearModel coldLater = svm.fit(later, yLater, cwLater, t.dimension(), null);
        for (int j = 0; j < t.dimension(); j++) {
            assertThat(fromOther.weights()[j]).as("weight %d", j).isCloseTo(coldLater.weights()[j], within(1e-9));
        }
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
