package dev.winnow.rank.balance;

/** Chooses the training weight of each class from how many labelled records each has. */
public interface Balancer {
    /** The per-record weights {relevant, irrelevant} for a training set of these sizes. */
    ClassWeights weights(int relevant, int irrelevant);

    /** Per-record weights of the two classes. */
    record ClassWeights(double relevant, double irrelevant) {
        /** The total weight of the relevant class over that of the irrelevant class. */
        public double ratio(int nRelevant, int nIrrelevant) {
            return relevant * nRelevant / (irrelevant * nIrrelevant);
        }
    }
}
