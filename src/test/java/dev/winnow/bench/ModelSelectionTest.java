package dev.winnow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {
    private static final List<String> SETS = List.of("a", "b", "c", "d");
    private static final double[] U4 = {0.10, 0.20, 0.30, 0.40};

    @Test
    void picksTheLowestMedianRatioAmongConfigurationsNeverMuchWorseThanU4() {
        Map<String, double[]> losses = new LinkedHashMap<>();
        losses.put("steady", new double[] {0.09, 0.18, 0.27, 0.36}); // ratio 0.9 everywhere
        losses.put("reckless", new double[] {0.05, 0.10, 0.15, 0.45}); // ratio 0.5, but d is +0.05
        ModelSelection s = new ModelSelection(SETS, U4, losses);
        assertThat(s.selectOnAll()).isEqualTo("steady");
        ModelSelection.Standing reckless = s.inSample().get(1);
        assertThat(reckless.medianRatio()).isCloseTo(0.5, within(1e-12));
        assertThat(reckless.worstDelta()).isCloseTo(0.05, within(1e-12));
        assertThat(reckless.worstDataset()).isEqualTo("d");
        assertThat(reckless.qualifies()).isFalse();
        // held out: without d, "reckless" qualifies and wins; d is then scored with it
        List<ModelSelection.HeldOut> loo = s.leaveOneOut();
        assertThat(loo.get(3).chosen()).isEqualTo("reckless");
        assertThat(loo.get(3).loss()).isEqualTo(0.45);
        assertThat(loo.get(0).chosen()).isEqualTo("steady");
        assertThat(loo.get(0).loss()).isEqualTo(0.09);
    }

    @Test
    void keepsU4WhenNoConfigurationQualifiesAndBreaksTiesByListOrder() {
        Map<String, double[]> worse = new LinkedHashMap<>();
        worse.put("bad", new double[] {0.2, 0.3, 0.4, 0.5});
        assertThat(new ModelSelection(SETS, U4, worse).selectOnAll()).isNull();
        assertThat(new ModelSelection(SETS, U4, worse).leaveOneOut().get(2).chosen()).isEqualTo("elas-u4");
        Map<String, double[]> tie = new LinkedHashMap<>();
        tie.put("first", new double[] {0.09, 0.18, 0.27, 0.36});
        tie.put("second", new double[] {0.09, 0.18, 0.27, 0.36});
        assertThat(new ModelSelection(SETS, U4, tie).selectOnAll()).isEqualTo("first");
        // within the allowed delta everywhere, but its median ratio is above 1: u4 stays
        Map<String, double[]> slightlyWorse = new LinkedHashMap<>();
        slightlyWorse.put("close", new double[] {0.101, 0.202, 0.303, 0.39});
        ModelSelection close = new ModelSelection(SETS, U4, slightlyWorse);
        assertThat(close.inSample().get(0).qualifies()).isTrue();
        assertThat(close.selectOnAll()).isNull();
    }
}
