package dev.winnow.rank;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.List;

/** Fits a model's learner on the labelled rows. */
public final class Trainer {
    private Trainer() {
    }

    /**
     * A scorer trained on {@code rows[labelled[i]]} with labels {@code relevant[i]}; null while the
     * labels hold only one class (nothing to learn a ranking from yet).
     */
    public static Scorer train(RankModel model, List<SparseVector> rows, int dimension, int[] labelled,
                               boolean[] relevant, int count, Scorer warm) {
        return model.learner().fit(rows, dimension, labelled, relevant, count, warm);
    }
}
