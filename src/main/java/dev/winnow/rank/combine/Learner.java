package dev.winnow.rank.combine;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.List;

/**
 * How a ranking configuration learns from the labels so far: one classifier with its class
 * balancing ({@link SingleModel}), or a combination of two ({@link RankFusion}, {@link ScoreAverage},
 * {@link PhaseSwitch}).
 */
public interface Learner {
    /**
     * A scorer trained on {@code rows[labelled[i]]} with labels {@code relevant[i]}, i &lt; count;
     * null while the labels hold only one class. {@code warm} is this learner's previous result
     * (or null): a starting point only, and it must not be used afterwards.
     */
    Scorer fit(List<SparseVector> rows, int dimension, int[] labelled, boolean[] relevant, int count, Scorer warm);
}
