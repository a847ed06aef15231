package dev.winnow.rank.query;

import java.util.random.RandomGenerator;

/** Picks the next record to screen among the unlabelled candidates, from the model's scores. */
public interface Querier {
    /**
     * The position (in {@code scores}) of the next record. Candidates are given in ascending
     * record order; ties go to the earliest. {@code rng} serves queriers that explore.
     */
    int pick(double[] scores, RandomGenerator rng);

    /** Highest score first (ASReview's "max"). */
    static Querier max() {
        return new MaxQuery();
    }

    /** Highest score first, except a random candidate with probability {@code share}. */
    static Querier exploring(double share) {
        return new ExploringQuery(share);
    }
}
