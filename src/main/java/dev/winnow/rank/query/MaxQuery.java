package dev.winnow.rank.query;

import java.util.random.RandomGenerator;

/** Highest score first; the earliest candidate wins a tie. */
public record MaxQuery() implements Querier {
    @Override
    public int pick(double[] scores, RandomGenerator rng) {
        return argmax(scores);
    }

    static int argmax(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no candidates left");
        }
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
