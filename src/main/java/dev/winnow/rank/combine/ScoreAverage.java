package dev.winnow.rank.combine;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.List;

/**
 * The mean of two learners' scores, each first standardised over the unlabelled records (mean 0,
 * standard deviation 1), so that an SVM's margins and naive Bayes' log-odds count alike.
 */
public record ScoreAverage(Learner a, Learner b) implements Learner {
    @Override
    public Scorer fit(List<SparseVector> rows, int dimension, int[] labelled, boolean[] relevant, int count,
                      Scorer warm) {
        FittedPair p = FittedPair.fit(a, b, rows, dimension, labelled, relevant, count,
                warm instanceof Averaged m ? m.members() : null);
        return p == null ? null : new Averaged(p);
    }

    /** The two fitted members, averaged after standardising. */
    record Averaged(FittedPair members) implements Scorer {
        @Override
        public void scoreAll(List<SparseVector> rows, int[] ids, int count, double[] out) {
            double[] other = members.scoreBoth(rows, ids, count, out);
            standardise(out, count);
            standardise(other, count);
            for (int c = 0; c < count; c++) {
                out[c] = (out[c] + other[c]) / 2;
            }
        }
    }

    /** Scores minus their mean, over their standard deviation (left centred when all are equal). */
    static void standardise(double[] s, int count) {
        double mean = 0;
        for (int c = 0; c < count; c++) {
            mean += s[c];
        }
        mean /= Math.max(count, 1);
        double sq = 0;
        for (int c = 0; c < count; c++) {
            sq += (s[c] - mean) * (s[c] - mean);
        }
        double sd = Math.sqrt(sq / Math.max(count, 1));
        for (int c = 0; c < count; c++) {
            s[c] = sd > 0 ? (s[c] - mean) / sd : s[c] - mean;
        }
    }
}
