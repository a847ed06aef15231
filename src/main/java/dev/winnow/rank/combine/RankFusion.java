package dev.winnow.rank.combine;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.Arrays;
import java.util.List;

/**
 * Reciprocal rank fusion (Cormack, Clarke &amp; Büttcher, SIGIR 2009) of two learners: each ranks the
 * unlabelled records by its own score (1 = best; equal scores share the better rank), and a
 * record's fused score is 1/(k + rank_a) + 1/(k + rank_b). A record both rank high comes first;
 * one that only one model likes competes with the other model's favourites on equal terms,
 * whatever the two models' score scales.
 */
public record RankFusion(Learner a, Learner b, int k) implements Learner {
    public RankFusion {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
    }

    @Override
    public Scorer fit(List<SparseVector> rows, int dimension, int[] labelled, boolean[] relevant, int count,
                      Scorer warm) {
        FittedPair p = FittedPair.fit(a, b, rows, dimension, labelled, relevant, count,
                warm instanceof Fused f ? f.members() : null);
        return p == null ? null : new Fused(p, k);
    }

    /** The two fitted members, fused by rank. */
    record Fused(FittedPair members, int k) implements Scorer {
        @Override
        public void scoreAll(List<SparseVector> rows, int[] ids, int count, double[] out) {
            double[] other = members.scoreBoth(rows, ids, count, out);
            double[] rankA = ranks(out, count);
            double[] rankB = ranks(other, count);
            for (int c = 0; c < count; c++) {
                out[c] = 1.0 / (k + rankA[c]) + 1.0 / (k + rankB[c]);
            }
        }
    }

    /** 1-based ranks by decreasing score; equal scores share the best rank among them. */
    static double[] ranks(double[] scores, int count) {
        double[] sorted = Arrays.copyOf(scores, count);
        Arrays.sort(sorted); // ascending
        double[] rank = new double[count];
        for (int c = 0; c < count; c++) {
            // number of scores strictly greater, + 1
            int above = count - upperBound(sorted, scores[c]);
            rank[c] = above + 1;
        }
        return rank;
    }

    /** The first position whose value is greater than {@code v}. */
    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
