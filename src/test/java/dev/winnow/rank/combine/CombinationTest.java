package dev.winnow.rank.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.models.Scorer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinationTest {
    /** A learner whose scorer gives fixed scores per record, and that remembers the warm start it was given. */
    private static final class Fixed implements Learner {
        final double[] byRecord;
        final List<Scorer> warmStarts = new ArrayList<>();

        Fixed(double... byRecord) {
            this.byRecord = byRecord;
        }

        @Override
        public Scorer fit(List<SparseVector> rows, int dimension, int[] labelled, boolean[] relevant, int count,
                          Scorer warm) {
            warmStarts.add(warm);
            return (r, ids, n, out) -> {
                for (int c = 0; c < n; c++) {
                    out[c] = byRecord[ids[c]];
                }
            };
        }
    }

    private static double[] score(Learner l, int count) {
        Scorer s = l.fit(List.of(), 0, new int[0], new boolean[0], 0, null);
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i;
        }
        double[] out = new double[count];
        s.scoreAll(List.of(), ids, count, out);
        return out;
    }

    private static int best(double[] s) {
        int b = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[b]) {
                b = i;
            }
        }
        return b;
    }

    @Test
    void reciprocalRankFusionScoresEachRecordByItsTwoRanks() {
        // a ranks 0,1,2,3; b ranks 1,2,3,0
        Fixed a = new Fixed(0.9, 0.8, 0.1, 0.0);
        Fixed b = new Fixed(-5, 7, 6, 1);
        double[] fused = score(new RankFusion(a, b, 1), 4);
        assertThat(fused[0]).isCloseTo(1.0 / 2 + 1.0 / 5, within(1e-12));
        assertThat(fused[1]).isCloseTo(1.0 / 3 + 1.0 / 2, within(1e-12));
        assertThat(fused[2]).isCloseTo(1.0 / 4 + 1.0 / 3, within(1e-12));
        assertThat(fused[3]).isCloseTo(1.0 / 5 + 1.0 / 4, within(1e-12));
        // the fused first pick is b's favourite, its second a's: the order is neither model's alone
        assertThat(best(fused)).isEqualTo(1);
        assertThat(best(a.byRecord)).isEqualTo(0);
        assertThat(fused[0]).isGreaterThan(fused[2]); // b alone would put record 2 before record 0
    }

    @Test
    void rankFusionIgnoresScoreScalesAndTiesShareTheBetterRank() {
        double[] small = score(new RankFusion(new Fixed(3, 2, 2, 1), new Fixed(0.003, 0.002, 0.002, 0.001), 60), 4);
        double[] large = score(new RankFusion(new Fixed(3e6, 2e6, 2e6, 1e6), new Fixed(3, 2, 2, 1), 60), 4);
        assertThat(small).containsExactly(large);
        assertThat(small[1]).isEqualTo(small[2]).isEqualTo(2.0 / 62);
        assertThat(small[3]).isEqualTo(2.0 / 64);
    }

    @Test
    void scoreAverageStandardisesEachModelBeforeAveraging() {
        // b's scale is 1000x a's: a plain sum would follow b alone
        double[] avg = score(new ScoreAverage(new Fixed(1, 0, 0, 0), new Fixed(0, 1000, 999, 998)), 4);
        double[] z = {Math.sqrt(3), -1 / Math.sqrt(3), -1 / Math.sqrt(3), -1 / Math.sqrt(3)};
        double sdB = Math.sqrt((Math.pow(1000 - 749.25, 2) + Math.pow(999 - 749.25, 2) + Math.pow(998 - 749.25, 2)
                + Math.pow(749.25, 2)) / 4);
        assertThat(avg[0]).isCloseTo((z[0] + (0 - 749.25) / sdB) / 2, within(1e-12));
        assertThat(avg[1]).isCloseTo((z[1] + (1000 - 749.25) / sdB) / 2, within(1e-12));
        assertThat(best(avg)).isEqualTo(1);
    }

    @Test
    void phaseSwitchUsesTheEarlyLearnerBeforeTheSwitchPointAndWarmStartsEachFromItsOwnFit() {
        Fixed early = new Fixed(1, 0);
        Fixed late = new Fixed(0, 1);
        PhaseSwitch p = new PhaseSwitch(early, late, 3);
        int[] ids = {0, 1};
        double[] out = new double[2];
        Scorer s2 = p.fit(List.of(), 0, new int[3], new boolean[3], 2, null);
        s2.scoreAll(List.of(), ids, 2, out);
        assertThat(out).containsExactly(1, 0);
        Scorer s3 = p.fit(List.of(), 0, new int[3], new boolean[3], 3, s2);
        s3.scoreAll(List.of(), ids, 2, out);
        assertThat(out).containsExactly(0, 1);
        // the late learner never gets the early one's model as a starting point
        assertThat(late.warmStarts).containsExactly((Scorer) null);
        Scorer s4 = p.fit(List.of(), 0, new int[4], new boolean[4], 4, s3);
        assertThat(late.warmStarts.get(1)).isSameAs(((PhaseSwitch.Phase) s3).scorer());
        assertThat(s4).isNotNull();
    }
}
