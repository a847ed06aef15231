package dev.winnow.rank;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.LinearModel;
import java.util.ArrayList;
import java.util.List;

/** Fits a model's classifier on the labelled rows, with the model's class balancing. */
public final class Trainer {
    private Trainer() {
    }

    /**
     * A linear scorer trained on {@code rows[labelled[i]]} with labels {@code relevant[i]}; null
     * while the labels hold only one class (nothing to learn a ranking from yet).
     */
    public static LinearModel train(RankModel model, List<SparseVector> rows, int dimension, int[] labelled,
                                    boolean[] relevant, int count, LinearModel warm) {
        int rel = 0;
        List<SparseVector> x = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            x.add(rows.get(labelled[i]));
            if (relevant[i]) {
                rel++;
            }
        }
        int irr = count - rel;
        if (rel == 0 || irr == 0) {
            return null;
        }
        ClassWeights w = model.balancer().weights(rel, irr);
        boolean[] y = relevant.length == count ? relevant : java.util.Arrays.copyOf(relevant, count);
        return model.classifier().fit(x, y, w, dimension, warm);
    }
}
