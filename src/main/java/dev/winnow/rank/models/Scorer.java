package dev.winnow.rank.models;

import dev.winnow.rank.features.SparseVector;
import java.util.List;

/** A fitted model: scores unlabelled records; higher means more likely relevant. */
public interface Scorer {
    /**
     * Scores {@code rows[ids[0..count)]} into {@code out[0..count)}. The caller passes every
     * unlabelled record at once: a scorer may compare them with each other (rank fusion does).
     */
    void scoreAll(List<SparseVector> rows, int[] ids, int count, double[] out);
}
