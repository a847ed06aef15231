package dev.winnow.rank.combine;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.List;

/** Two learners fitted on the same labels, each warm-started from its own previous fit. */
record FittedPair(Scorer a, Scorer b) {
    /** Both fitted; null while either has nothing to learn from (one class only). */
    static FittedPair fit(Learner a, Learner b, List<SparseVector> rows, int dimension, int[] labelled,
                          boolean[] relevant, int count, FittedPair warm) {
        Scorer sa = a.fit(rows, dimension, labelled, relevant, count, warm == null ? null : warm.a());
        Scorer sb = b.fit(rows, dimension, labelled, relevant, count, warm == null ? null : warm.b());
        return sa == null || sb == null ? null : new FittedPair(sa, sb);
    }

    /** Each member's scores of the same records: a's into {@code out}, b's returned. */
    double[] scoreBoth(List<SparseVector> rows, int[] ids, int count, double[] out) {
        double[] other = new double[count];
        a.scoreAll(rows, ids, count, out);
        b.scoreAll(rows, ids, count, other);
        return other;
    }
}
