package dev.winnow.rank.simulate;

import dev.winnow.rank.RankModel;
import dev.winnow.rank.Trainer;
import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.Scorer;
import dev.winnow.rank.stop.ConsecutiveIrrelevant;
import dev.winnow.rank.stop.HypergeometricStop;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Screens a labelled dataset as BENCHMARKS.md §1 prescribes: the two priors first, then one
 * record at a time, retraining on every label so far, highest score first (per the model's
 * querier), to the end. Optionally notes where stopping rules would have said stop.
 */
public final class Simulation {
    private Simulation() {
    }

    /** Where a stopping rule first said stop (screened = -1: never), with the recall reached then. */
    public record StopPoint(String rule, boolean heuristic, int screened, double recall, double workSaved) {
    }

    public record Result(String dataset, String model, Priors priors, int[] order, Metrics metrics,
                         double seconds, double featureSeconds, List<StopPoint> stops) {
    }

    /** Runs one simulation; {@code stopping} adds the 95%/95% hypergeometric test and the 50/100-in-a-row heuristics. */
    public static Result run(LabelledDataset data, RankModel model, Priors priors, boolean stopping) {
        long t0 = System.nanoTime();
        int n = data.size();
        boolean[] relevant = data.relevant();
        if (!relevant[priors.relevant()] || relevant[priors.irrelevant()]) {
            throw new IllegalArgumentException("prior " + priors.relevant() + " must be relevant and "
                    + priors.irrelevant() + " irrelevant");
        }
        TfIdf tfidf = new TfIdf(model.features());
        tfidf.addAll(data.texts(model.titleCopies()));
        List<SparseVector> rows = tfidf.rows();
        int dim = tfidf.dimension();
        long t1 = System.nanoTime();

        int[] order = new int[n];
        boolean[] seq = new boolean[n];
        int[] candidates = new int[n];
        int left = 0;
        for (int i = 0; i < n; i++) {
            if (i != priors.relevant() && i != priors.irrelevant()) {
                candidates[left++] = i;
            }
        }
        order[0] = priors.relevant();
        seq[0] = true;
        order[1] = priors.irrelevant();
        seq[1] = false;
        int count = 2;
        int totalRelevant = data.relevantCount();
        StopWatch stops = stopping ? new StopWatch(n, totalRelevant) : null;
        SplittableRandom rng = new SplittableRandom(priors.relevant() * 31L + priors.irrelevant());
        Scorer m = null;
        double[] scores = new double[n];
        while (left > 0) {
            int pick;
            if (left == 1) {
                pick = 0;
            } else {
                m = Trainer.train(model, rows, dim, order, seq, count, m);
                m.scoreAll(rows, candidates, left, scores);
                pick = model.querier().pick(java.util.Arrays.copyOf(scores, left), rng);
            }
            int record = candidates[pick];
            System.arraycopy(candidates, pick + 1, candidates, pick, left - pick - 1);
            left--;
            order[count] = record;
            seq[count] = relevant[record];
            count++;
            if (stops != null) {
                stops.observe(seq, count);
            }
        }
        long t2 = System.nanoTime();
        return new Result(data.name(), model.name(), priors, order, Metrics.of(seq), (t2 - t0) / 1e9,
                (t1 - t0) / 1e9, stops == null ? List.of() : stops.points());
    }

    /** Tracks the first step at which each stopping rule says stop. */
    private static final class StopWatch {
        private final int total;
        private final int totalRelevant;
        private final HypergeometricStop test = new HypergeometricStop(0.95, 0.95);
        private final int[] heuristics = {50, 100};
        private int testAt = -1;
        private final int[] heuristicAt = {-1, -1};
        private final double[] heuristicRecall = new double[2];
        private double testRecall;

        StopWatch(int total, int totalRelevant) {
            this.total = total;
            this.totalRelevant = totalRelevant;
        }

        void observe(boolean[] seq, int count) {
            int found = -1;
            if (testAt < 0 && test.saysStop(seq, count, total)) {
                testAt = count;
                found = HypergeometricStop.count(seq, count);
                testRecall = (double) found / totalRelevant;
            }
            int run = ConsecutiveIrrelevant.run(seq, count);
            for (int h = 0; h < heuristics.length; h++) {
                if (heuristicAt[h] < 0 && run >= heuristics[h]) {
                    heuristicAt[h] = count;
                    heuristicRecall[h] = (double) HypergeometricStop.count(seq, count) / totalRelevant;
                }
            }
        }

        List<StopPoint> points() {
            List<StopPoint> out = new ArrayList<>();
            out.add(point(test.name(), false, testAt, testRecall));
            for (int h = 0; h < heuristics.length; h++) {
                out.add(point(new ConsecutiveIrrelevant(heuristics[h]).name(), true, heuristicAt[h],
                        heuristicRecall[h]));
            }
            return out;
        }

        private StopPoint point(String rule, boolean heuristic, int at, double recall) {
            return at < 0 ? new StopPoint(rule, heuristic, -1, 1.0, 0.0)
                    : new StopPoint(rule, heuristic, at, recall, 1.0 - (double) at / total);
        }
    }
}
