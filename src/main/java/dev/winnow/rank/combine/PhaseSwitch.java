package dev.winnow.rank.combine;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.List;

/**
 * Model switching by phase (after Teijema et al. 2023): the {@code early} learner while fewer
 * than {@code switchAt} records are labelled, the {@code late} one from then on.
 */
public record PhaseSwitch(Learner early, Learner late, int switchAt) implements Learner {
    public PhaseSwitch {
        if (switchAt < 0) {
            throw new IllegalArgumentException("switch point must not be negative: " + switchAt);
        }
    }

    @Override
    public Scorer fit(List<SparseVector> rows, int dimension, int[] labelled, boolean[] relevant, int count,
                      Scorer warm) {
        boolean isLate = count >= switchAt;
        Scorer previous = warm instanceof Phase p && p.late() == isLate ? p.scorer() : null;
        Scorer s = (isLate ? late : early).fit(rows, dimension, labelled, relevant, count, previous);
        return s == null ? null : new Phase(s, isLate);
    }

    /** The scorer of the phase it was fitted in. */
    record Phase(Scorer scorer, boolean late) implements Scorer {
        @Override
        public void scoreAll(List<SparseVector> rows, int[] ids, int count, double[] out) {
            scorer.scoreAll(rows, ids, count, out);
        }
    }
}
