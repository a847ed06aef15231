package dev.winnow.rank.stop;

/** The hypergeometric distribution's CDF, from log-factorials (exact up to floating point). */
public final class Hypergeometric {
    private static volatile double[] logFactorials = {0.0};

    private Hypergeometric() {
    }

    static double logFactorial(int n) {
        double[] t = logFactorials;
        if (n >= t.length) {
            t = grow(n);
        }
        return t[n];
    }

    private static synchronized double[] grow(int n) {
        double[] t = logFactorials;
        if (n < t.length) {
            return t;
        }
        double[] bigger = new double[Math.max(n + 1, t.length * 2)];
        System.arraycopy(t, 0, bigger, 0, t.length);
        for (int i = t.length; i < bigger.length; i++) {
            bigger[i] = bigger[i - 1] + Math.log(i);
        }
        logFactorials = bigger;
        return bigger;
    }

    static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /**
     * P(X ≤ k) for X the number of successes in {@code draws} draws without replacement from a
     * population of {@code population} holding {@code successes} successes. A population that
     * cannot hold that many successes gives 0 (such a population does not exist).
     */
    public static double cdf(int k, int population, int successes, int draws) {
        if (successes > population || draws > population || successes < 0 || draws < 0) {
            return 0.0;
        }
        int lo = Math.max(0, draws - (population - successes));
        int hi = Math.min(draws, successes);
        if (k < lo) {
            return 0.0;
        }
        if (k >= hi) {
            return 1.0;
        }
        double logDenominator = logChoose(population, draws);
        double sum = 0;
        for (int i = lo; i <= k; i++) {
            sum += Math.exp(logChoose(successes, i) + logChoose(population - successes, draws - i) - logDenominator);
        }
        return Math.min(1.0, sum);
    }
}
