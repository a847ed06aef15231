package dev.winnow.rank.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.rank.balance.Balancer.ClassWeights;
import dev.winnow.rank.features.SparseVector;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveBayesTest {
    @Test
    void weightsAreTheLogRatiosOfTheSmoothedClassConditionalsWithSampleWeights() {
        // 3 features; relevant row (weight 2): f0 = 1; irrelevant rows (weight 0.5 each): f1 = 1, f0 = f2 = 0.5
        List<SparseVector> rows = List.of(
                new SparseVector(new int[] {0}, new double[] {1.0}),
                new SparseVector(new int[] {1}, new double[] {1.0}),
                new SparseVector(new int[] {0, 2}, new double[] {0.5, 0.5}));
        boolean[] relevant = {true, false, false};
        double alpha = 0.5;
        LinearModel m = new NaiveBayes(alpha).fit(rows, relevant, new ClassWeights(2.0, 0.5), 3, null);
        // relevant mass: f0 = 2, total 2; irrelevant: f0 = 0.25, f1 = 0.5, f2 = 0.25, total 1
        double rel = 2 + alpha * 3;
        double irr = 1 + alpha * 3;
        assertThat(m.weights()[0]).isCloseTo(Math.log((2 + alpha) / rel) - Math.log((0.25 + alpha) / irr),
                within(1e-12));
        assertThat(m.weights()[1]).isCloseTo(Math.log(alpha / rel) - Math.log((0.5 + alpha) / irr), within(1e-12));
        assertThat(m.weights()[2]).isCloseTo(Math.log(alpha / rel) - Math.log((0.25 + alpha) / irr), within(1e-12));
        // priors: weight 2 relevant vs 2 × 0.5 irrelevant
        assertThat(m.bias()).isCloseTo(Math.log(2.0 / 1.0), within(1e-12));
        // a record made of f0 outranks one made of f1
        assertThat(m.score(rows.get(0))).isGreaterThan(m.score(rows.get(1)));
    }

    @Test
    void refusesANonPositiveAlpha() {
        assertThatThrownBy(() -> new NaiveBayes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
