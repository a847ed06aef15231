package dev.winnow.rank.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static boolean[] order(int... labels) {
        boolean[] b = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            b[i] = labels[i] == 1;
        }
        return b;
    }

    @Test
    void handComputedOrder() {
        // N 5, R 2; F = 1,1,2,2,2 (sum 8); loss = (2·(5 − 0.5) − 8) / (2·3) = 1/6
        Metrics m = Metrics.of(order(1, 0, 1, 0, 0));
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.r()).isEqualTo(2);
        assertThat(m.loss()).isCloseTo(1.0 / 6, within(1e-12));
        // ⌈0.95·2⌉ = 2 relevant reached at i = 3: (5 − 3)/5 − 0.05
        assertThat(m.wss95()).isCloseTo(0.35, within(1e-12));
        // ⌈0.1·5⌉ = 1 record: F(1) = 1 of 2
        assertThat(m.rrf10()).isCloseTo(0.5, within(1e-12));
        // relevant at positions 1 and 3: mean 2, over N = 5
        assertThat(m.atd()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void perfectAndWorstOrdersBoundTheLoss() {
        Metrics best = Metrics.of(order(1, 1, 0, 0, 0));
        assertThat(best.loss()).isCloseTo(0, within(1e-12));
        // the ceiling of WSS@95: (N − ⌈0.95R⌉)/N − 0.05
        assertThat(best.wss95()).isCloseTo((5 - 2) / 5.0 - 0.05, within(1e-12));
        assertThat(best.atd()).isCloseTo(1.5 / 5, within(1e-12));
        Metrics worst = Metrics.of(order(0, 0, 0, 1, 1));
        assertThat(worst.loss()).isCloseTo(1, within(1e-12));
        assertThat(worst.wss95()).isCloseTo(-0.05, within(1e-12));
        assertThat(worst.rrf10()).isZero();
    }

    @Test
    void wssUsesTheCeilingOfNinetyFivePercent() {
        // R = 20: ⌈19⌉ = 19 relevant needed; the 19th relevant is record 25 of 100
        int[] labels = new int[100];
        int placed = 0;
        for (int i = 0; i < 100 && placed < 20; i++) {
            if (i < 18 || i == 24 || i == 60) {
                labels[i] = 1;
                placed++;
            }
        }
        Metrics m = Metrics.of(order(labels));
        assertThat(m.wss95()).isCloseTo((100 - 25) / 100.0 - 0.05, within(1e-12));
        assertThat(m.rrf10()).isCloseTo(10 / 20.0, within(1e-12));
    }
}
