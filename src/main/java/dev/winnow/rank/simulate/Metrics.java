package dev.winnow.rank.simulate;

/**
 * The screening metrics of BENCHMARKS.md §1, from a full screening order alone. With N records,
 * R relevant and F(i) the relevant ones among the first i:
 * WSS@95 = (N − i95)/N − 0.05 with i95 the first i where F(i) ≥ ⌈0.95·R⌉;
 * RRF@10 = F(⌈0.10·N⌉)/R; ATD = mean 1-based position of the relevant records / N;
 * loss = [R·(N − (R−1)/2) − Σ F(i)] / [R·(N − R)].
 */
public record Metrics(int n, int r, double wss95, double rrf10, double atd, double loss) {

    /** {@code labelsInOrder[i]}: whether the i-th record screened (0-based) is relevant. */
    public static Metrics of(boolean[] labelsInOrder) {
        int n = labelsInOrder.length;
        int r = 0;
        for (boolean b : labelsInOrder) {
            if (b) {
                r++;
            }
        }
        if (r == 0 || r == n) {
            throw new IllegalArgumentException("metrics need both relevant and irrelevant records");
        }
        int need95 = (int) Math.ceil(0.95 * r - 1e-9);
        int at10 = (int) Math.ceil(0.10 * n - 1e-9);
        int found = 0;
        int i95 = -1;
        int foundAt10 = 0;
        double sumF = 0;
        double sumPos = 0;
        for (int i = 1; i <= n; i++) {
            if (labelsInOrder[i - 1]) {
                found++;
                sumPos += i;
            }
            if (i95 < 0 && found >= need95) {
                i95 = i;
            }
            if (i == at10) {
                foundAt10 = found;
            }
            sumF += found;
        }
        double wss = (double) (n - i95) / n - 0.05;
        double rrf = (double) foundAt10 / r;
        double atd = sumPos / r / n;
        double loss = (r * (n - (r - 1) / 2.0) - sumF) / ((double) r * (n - r));
        return new Metrics(n, r, wss, rrf, atd, loss);
    }

    /** The labels of {@code order} (record indices) under {@code relevant}. */
    public static boolean[] labelsInOrder(int[] order, boolean[] relevant) {
        boolean[] out = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = relevant[order[i]];
        }
        return out;
    }
}
