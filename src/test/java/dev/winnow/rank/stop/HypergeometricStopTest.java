package dev.winnow.rank.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HypergeometricStopTest {
    private static boolean[] labels(int... l) {
        boolean[] b = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            b[i] = l[i] == 1;
        }
        return b;
    }

    private static BigInteger choose(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    /** P(X ≤ k) by exact enumeration with big integers. */
    private static double bruteCdf(int k, int pop, int succ, int draws) {
        BigInteger num = BigInteger.ZERO;
        for (int i = 0; i <= k; i++) {
            num = num.add(choose(succ, i).multiply(choose(pop - succ, draws - i)));
        }
        return new java.math.BigDecimal(num).divide(new java.math.BigDecimal(choose(pop, draws)),
                java.math.MathContext.DECIMAL64).doubleValue();
    }

    @Test
    void cdfMatchesExactEnumeration() {
        int[][] cases = {{0, 6, 1, 1}, {1, 9, 2, 4}, {2, 10, 3, 5}, {3, 50, 10, 20}, {0, 200, 5, 100}, {7, 120, 30, 25}};
        for (int[] c : cases) {
            assertThat(Hypergeometric.cdf(c[0], c[1], c[2], c[3])).as("cdf%s", java.util.Arrays.toString(c))
                    .isCloseTo(bruteCdf(c[0], c[1], c[2], c[3]), within(1e-12));
        }
        assertThat(Hypergeometric.cdf(0, 5, 6, 1)).isZero(); // no population holds 6 successes in 5
    }

    @Test
    void pValueByHand() {
        // N 10; screened 1,1,0,0,0; r 2; the null needs ⌊2/0.95⌋ + 1 = 3 relevant in all.
        // m=1: cdf(0; 6, 1, 1) = 5/6; m=2: cdf(0; 7, 1, 2) = 15/21; m=3: cdf(0; 8, 1, 3) = 35/56;
        // m=4: cdf(1; 9, 2, 4) = 105/126; m=5: cdf(2; 10, 3, 5) = 231/252. The minimum is 35/56.
        assertThat(HypergeometricStop.pValue(labels(1, 1, 0, 0, 0), 5, 10, 0.95)).isCloseTo(35.0 / 56, within(1e-12));
    }

    /** The definition, computed independently with exact arithmetic. */
    private static double brutePValue(boolean[] seq, int n, int total, double target) {
        int r = 0;
        for (int i = 0; i < n; i++) {
            r += seq[i] ? 1 : 0;
        }
        int needed = (int) Math.floor(r / target) + 1;
        double best = 1;
        for (int m = 1; m <= n; m++) {
            int k = 0;
            for (int i = n - m; i < n; i++) {
                k += seq[i] ? 1 : 0;
            }
            int pop = total - n + m;
            int succ = needed - (r - k);
            double p = succ > pop ? 0 : bruteCdf(k, pop, succ, m);
            best = Math.min(best, p);
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void pValueMatchesBruteForceOnRandomSequences(long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int total = 60 + rng.nextInt(60);
        int n = 10 + rng.nextInt(total - 10);
        boolean[] seq = new boolean[n];
        for (int i = 0; i < n; i++) {
            seq[i] = rng.nextDouble() < (i < n / 3 ? 0.4 : 0.03);
        }
        assertThat(HypergeometricStop.pValue(seq, n, total, 0.95))
                .isCloseTo(brutePValue(seq, n, total, 0.95), within(1e-9));
        assertThat(HypergeometricStop.pValue(seq, n, total, 0.8))
                .isCloseTo(brutePValue(seq, n, total, 0.8), within(1e-9));
    }

    @Test
    void stopsAfterALongIrrelevantRunAndNotBefore() {
        boolean[] seq = new boolean[1000];
        for (int i = 0; i < 20; i++) {
            seq[i * 5] = true; // 20 relevant among the first 100
        }
        HypergeometricStop rule = new HypergeometricStop(0.95, 0.95);
        StoppingRule.Estimate early = rule.evaluate(seq, 120, 1000);
        assertThat(early.stop()).isFalse();
        assertThat(early.heuristic()).isFalse();
        assertThat(early.says()).contains("not yet").contains("p = ");
        StoppingRule.Estimate late = rule.evaluate(seq, 900, 1000);
        assertThat(late.stop()).isTrue();
        assertThat(late.pValue()).isLessThan(0.05);
        assertThat(late.relevantFound()).isEqualTo(20);
        assertThat(rule.saysStop(seq, 900, 1000)).isTrue();
        assertThat(rule.saysStop(seq, 120, 1000)).isFalse();
        // the upper bound on relevant records left shrinks as irrelevant records pile up
        assertThat(late.maxRelevantLeft()).isLessThan(early.maxRelevantLeft());
        assertThat(late.maxRelevantLeft()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void consecutiveIrrelevantIsLabelledAHeuristic() {
        boolean[] seq = labels(1, 0, 1, 0, 0, 0);
        StoppingRule.Estimate e = new ConsecutiveIrrelevant(3).evaluate(seq, 6, 100);
        assertThat(e.stop()).isTrue();
        assertThat(e.heuristic()).isTrue();
        assertThat(e.says()).startsWith("Heuristic");
        assertThat(new ConsecutiveIrrelevant(4).evaluate(seq, 6, 100).stop()).isFalse();
        assertThat(StoppingRules.parse("consecutive:4")).isEqualTo(new ConsecutiveIrrelevant(4));
        assertThat(StoppingRules.parse("hypergeometric:0.9:0.99").name()).contains("90%").contains("99%");
    }
}
