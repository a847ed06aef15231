package dev.winnow.rank.query;

import java.util.random.RandomGenerator;

/**
 * Mostly the highest score; with probability {@code share} a uniformly random candidate, so that
 * the model also sees records unlike those it already ranks high.
 */
public record ExploringQuery(double share) implements Querier {
    public ExploringQuery {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("exploration share must be in [0, 1]: " + share);
        }
    }

    @Override
    public int pick(double[] scores, RandomGenerator rng) {
        if (share > 0 && scores.length > 0 && rng.nextDouble() < share) {
            return rng.nextInt(scores.length);
        }
        return MaxQuery.argmax(scores);
    }
}
