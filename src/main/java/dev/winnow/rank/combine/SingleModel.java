package dev.winnow.rank.combine;

import dev.winnow.rank.balance.Balancer;
import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Classifier;
import dev.winnow.rank.models.LinearModel;
import dev.winnow.rank.models.Scorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One classifier fitted on the labelled rows with its class balancing. */
public record SingleModel(Classifier classifier, Balancer balancer) implements Learner {
    @Override
    public LinearModel fit(List<SparseVector> rows, int dimension, int[] labelled, boolean[] relevant, int count,
                           Scorer warm) {
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
        ClassWeights w = balancer.weights(rel, irr);
        boolean[] y = relevant.length == count ? relevant : Arrays.copyOf(relevant, count);
        return classifier.fit(x, y, w, dimension, warm instanceof LinearModel m ? m : null);
    }
}
