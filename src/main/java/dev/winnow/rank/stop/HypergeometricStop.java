package dev.winnow.rank.stop;

/**
 * Callaghan & Müller-Hansen's stopping test (Syst Rev 2020;9:273; buscarpy's
 * {@code calculate_h0}). After n of N records screened with r relevant found, the null
 * hypothesis is "recall is below the target τ", i.e. the project holds at least
 * ⌊r/τ⌋ + 1 relevant records. For every urn made of the last m screened records (m = 1..n)
 * holding k_m relevant ones, the population of the urn and every unseen record (N − n + m
 * records) would then hold K̂ = ⌊r/τ⌋ + 1 − (r − k_m) relevant ones, and drawing the urn at
 * random would find at most k_m with probability p_m = HypergeomCDF(k_m; N − n + m, K̂, m).
 * p = min p_m; stop when p < α = 1 − confidence. The test treats the last m records as a random
 * sample of what was left, which ranking makes conservative (the ranked records are richer).
 */
public final class HypergeometricStop implements StoppingRule {
    private final double target;
    private final double confidence;

    public HypergeometricStop(double target, double confidence) {
        if (!(target > 0 && target <= 1) || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("target in (0, 1] and confidence in (0, 1) expected");
        }
        this.target = target;
        this.confidence = confidence;
    }

    public double target() {
        return target;
    }

    public double confidence() {
        return confidence;
    }

    /** The p-value of "recall < target" after screening {@code labels[0..n)} in that order, of N records. */
    public static double pValue(boolean[] labels, int n, int total, double target) {
        int r = count(labels, n);
        int needed = (int) Math.floor(r / target) + 1;
        return pForTotal(labels, n, total, r, needed, -1);
    }

    /**
     * min over m of P(urn of the last m holds ≤ k_m relevant | the project holds {@code relevantTotal});
     * stops early once below {@code floor}.
     */
    static double pForTotal(boolean[] labels, int n, int total, int r, int relevantTotal, double floor) {
        if (relevantTotal - r > total - n) {
            return 0.0; // more relevant records unseen than there are unseen records
        }
        double p = 1.0;
        int k = 0;
        for (int m = 1; m <= n; m++) {
            if (labels[n - m]) {
                k++;
            }
            int successes = relevantTotal - (r - k);
            double pm = Hypergeometric.cdf(k, total - n + m, successes, m);
            if (pm < p) {
                p = pm;
                if (p < floor) {
                    return p;
                }
            }
        }
        return p;
    }

    /** Relevant records among the first {@code n} labels. */
    public static int count(boolean[] labels, int n) {
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i]) {
                r++;
            }
        }
        return r;
    }

    @Override
    public Estimate evaluate(boolean[] labels, int n, int total) {
        int r = count(labels, n);
        double alpha = 1 - confidence;
        int needed = (int) Math.floor(r / target) + 1;
        double p = pForTotal(labels, n, total, r, needed, -1);
        // the largest number of relevant records still unseen that the test cannot reject at alpha
        int lo = 0;
        int hi = total - n;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pForTotal(labels, n, total, r, r + mid, alpha) >= alpha) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        boolean stop = p < alpha;
        String says = String.format(java.util.Locale.ROOT,
                "With %.0f%% confidence, recall ≥ %.0f%% reached? %s (p = %.4f); at most %d relevant records "
                        + "left unseen (%.0f%% confidence)",
                confidence * 100, target * 100, stop ? "yes" : "not yet", p, lo, confidence * 100);
        return new Estimate(name(), false, stop, p, r, n, total, lo, says);
    }

    /** Only the verdict, cheaply: stops the scan as soon as p falls below α. */
    public boolean saysStop(boolean[] labels, int n, int total) {
        int r = count(labels, n);
        int needed = (int) Math.floor(r / target) + 1;
        double alpha = 1 - confidence;
        return pForTotal(labels, n, total, r, needed, alpha) < alpha;
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "hypergeometric test (recall %.0f%%, confidence %.0f%%)",
                target * 100, confidence * 100);
    }
}
