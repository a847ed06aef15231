package dev.winnow.rank.stop;

/**
 * A heuristic, with no statistical guarantee: stop after {@code k} irrelevant records in a row
 * (ASReview LAB's dashboard rule; SAFE uses 50).
 */
public record ConsecutiveIrrelevant(int k) implements StoppingRule {
    public ConsecutiveIrrelevant {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    /** Irrelevant records at the end of the first n labels. */
    public static int run(boolean[] labels, int n) {
        int run = 0;
        for (int i = n - 1; i >= 0 && !labels[i]; i--) {
            run++;
        }
        return run;
    }

    @Override
    public Estimate evaluate(boolean[] labels, int n, int total) {
        int run = run(labels, n);
        int r = HypergeometricStop.count(labels, n);
        boolean stop = run >= k;
        String says = "Heuristic (no guarantee): " + run + " irrelevant in a row; stop at " + k
                + (stop ? ": reached" : ": not yet");
        return new Estimate(name(), true, stop, Double.NaN, r, n, total, -1, says);
    }

    @Override
    public String name() {
        return "heuristic: " + k + " consecutive irrelevant";
    }
}
