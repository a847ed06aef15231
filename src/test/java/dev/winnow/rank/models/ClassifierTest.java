package dev.winnow.rank.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.balance.RatioBalancer;
import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.features.TfIdf;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    private static final String[] ON = {"palliative", "oncology", "general", "practice", "shared", "care"};
    private static final String[] OFF = {"cardiac", "surgery", "stent", "fracture", "knee", "dental"};
    private static final String[] COMMON = {"patients", "study", "results", "trial", "outcome", "hospital"};

    private record Data(List<SparseVector> rows, boolean[] relevant, int dim) {
    }

    private static Data data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TfIdf t = new TfIdf(TfIdf.Settings.ELAS_U4);
        boolean[] rel = new boolean[n];
        for (int i = 0; i < n; i++) {
            rel[i] = i % 4 == 0;
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                String[] pool = rng.nextDouble() < 0.35 ? (rel[i] ? ON : OFF) : COMMON;
                b.append(pool[rng.nextInt(pool.length)]).append(' ');
            }
            t.add(b.toString());
        }
        return new Data(t.rows(), rel, t.dimension());
    }

    private static double objective(LinearModel m, Data d, ClassWeights w, double c) {
        double s = 0.5 * m.norm() * m.norm();
        for (int i = 0; i < d.rows().size(); i++) {
            double y = d.relevant()[i] ? 1 : -1;
            double ci = c * (d.relevant()[i] ? w.relevant() : w.irrelevant());
            double h = Math.max(0, 1 - y * m.score(d.rows().get(i)));
            s += ci * h * h;
        }
        return s;
    }

    @Test
    void dualSvmReachesLiblinearsOptimum() {
        Data d = data(120, 7);
        ClassWeights w = new RatioBalancer(9.8).weights(30, 90);
        LinearModel dual = new DualSvm(0.11, 1e-6, 5000).fit(d.rows(), d.relevant(), w, d.dim(), null);
        LinearModel primal = new Liblinear(Liblinear.Loss.SQUARED_HINGE, 0.11, 1e-6)
                .fit(d.rows(), d.relevant(), w, d.dim(), null);
        double a = objective(dual, d, w, 0.11);
        double b = objective(primal, d, w, 0.11);
        assertThat(a).isCloseTo(b, within(1e-6 * Math.max(1, b)));
        for (SparseVector x : d.rows()) {
            assertThat(dual.score(x)).isCloseTo(primal.score(x), within(1e-3));
        }
    }

    @Test
    void warmStartReachesTheSameModelAsAColdStart() {
        Data d = data(80, 3);
        DualSvm svm = new DualSvm(0.11, 1e-6, 5000);
        List<SparseVector> first = d.rows().subList(0, 60);
        boolean[] y60 = java.util.Arrays.copyOf(d.relevant(), 60);
        ClassWeights w60 = new RatioBalancer(9.8).weights(15, 45);
        LinearModel warm = svm.fit(first, y60, w60, d.dim(), null);
        ClassWeights w80 = new RatioBalancer(9.8).weights(20, 60);
        LinearModel fromWarm = svm.fit(d.rows(), d.relevant(), w80, d.dim(), warm);
        LinearModel cold = svm.fit(d.rows(), d.relevant(), w80, d.dim(), null);
        for (SparseVector x : d.rows()) {
            assertThat(fromWarm.score(x)).isCloseTo(cold.score(x), within(1e-4));
        }
    }

    @Test
    void everyClassifierRanksHeldOutRelevantRecordsFirst() {
        Data d = data(200, 11);
        List<SparseVector> train = d.rows().subList(0, 100);
        boolean[] y = java.util.Arrays.copyOf(d.relevant(), 100);
        ClassWeights w = new RatioBalancer(9.8).weights(25, 75);
        List<Classifier> all = List.of(new DualSvm(0.11), new Liblinear(Liblinear.Loss.SQUARED_HINGE, 0.11),
                new Liblinear(Liblinear.Loss.LOGISTIC, 1.0),
                new Ensemble(List.of(new DualSvm(0.11), new Liblinear(Liblinear.Loss.LOGISTIC, 1.0))));
        for (Classifier c : all) {
            LinearModel m = c.fit(train, y, w, d.dim(), null);
            List<Integer> held = new ArrayList<>();
            for (int i = 100; i < 200; i++) {
                held.add(i);
            }
            held.sort((a, b) -> Double.compare(m.score(d.rows().get(b)), m.score(d.rows().get(a))));
            long relevantInTop25 = held.subList(0, 25).stream().filter(i -> d.relevant()[i]).count();
            assertThat(relevantInTop25).as(c.toString()).isGreaterThanOrEqualTo(22);
        }
    }
}
