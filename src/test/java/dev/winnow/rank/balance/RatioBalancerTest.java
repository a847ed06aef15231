package dev.winnow.rank.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioBalancerTest {
    @Test
    void weightsAsAsreviewsBalancerComputesThem() {
        // R 2, I 8, ratio 9.8: raw weights 1 and 2/(9.8·8) = 0.0255102; they sum to 2.2040816,
        // rescaled to sum to n = 10: ×4.5370370
        Balancer.ClassWeights w = new RatioBalancer(9.8).weights(2, 8);
        assertThat(w.relevant()).isCloseTo(4.5370370, within(1e-6));
        assertThat(w.irrelevant()).isCloseTo(0.1157407, within(1e-6));
        assertThat(2 * w.relevant() + 8 * w.irrelevant()).isCloseTo(10, within(1e-9));
        assertThat(w.ratio(2, 8)).isCloseTo(9.8, within(1e-9));
    }

    @Test
    void theRatioHoldsWhateverTheClassSizes() {
        for (int[] sizes : new int[][] {{1, 1}, {1, 999}, {40, 2500}, {300, 5}}) {
            Balancer.ClassWeights w = new RatioBalancer(3.5).weights(sizes[0], sizes[1]);
            assertThat(w.ratio(sizes[0], sizes[1])).isCloseTo(3.5, within(1e-9));
            assertThat(sizes[0] * w.relevant() + sizes[1] * w.irrelevant())
                    .isCloseTo(sizes[0] + sizes[1], within(1e-9));
        }
        assertThat(new NoBalancer().weights(1, 99).ratio(1, 99)).isCloseTo(1.0 / 99, within(1e-12));
    }
}
