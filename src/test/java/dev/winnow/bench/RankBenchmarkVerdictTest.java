package dev.winnow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.rank.RankModels;
import dev.winnow.rank.simulate.Metrics;
import dev.winnow.rank.simulate.Priors;
import dev.winnow.rank.simulate.Simulation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The two verdicts under a model's table: parity with u4, and issue 18's "better than u4". */
class RankBenchmarkVerdictTest {
    private static String table(ToDoubleFunction<ElasU4Anchor> loss) {
        List<RankBenchmark.DatasetRuns> rows = new ArrayList<>();
        for (ElasU4Anchor a : ElasU4Anchor.ALL) {
            Metrics m = new Metrics(a.n(), a.r(), a.wss95(), a.rrf10(), a.atd(), loss.applyAsDouble(a));
            Simulation.Result r = new Simulation.Result(a.dataset(), "x", new Priors(0, 1), new int[0], m, 1.0, 0.1,
                    List.of());
            rows.add(new RankBenchmark.DatasetRuns(a, RankModels.ELAS_U4, List.of(r)));
        }
        StringWriter s = new StringWriter();
        new RankBenchmark(Path.of("."), new PrintWriter(s, true)).printTable(RankModels.ELAS_U4, rows);
        return s.toString();
    }

    @Test
    void u4sOwnLossesAreParityButNotBetter() {
        String out = table(ElasU4Anchor::loss);
        assertThat(out).contains("parity with u4 (median <= 0.1275, no dataset worse by more than 0.01): PASS")
                .contains("better than u4 (issue 18: median <= 0.90 x u4 = 0.1148, no dataset worse by more than 0.01): FAIL");
    }

    @Test
    void tenPercentLessLossEverywhereIsBetter() {
        assertThat(table(a -> a.loss() * 0.89)).contains("x u4 = 0.1148, no dataset worse by more than 0.01): PASS");
        assertThat(table(a -> a.loss() * 0.93)).contains("x u4 = 0.1148, no dataset worse by more than 0.01): FAIL");
    }

    @Test
    void oneDatasetWorseByMoreThanOneHundredthFailsBoth() {
        String out = table(a -> a.dataset().equals("Triptans") ? a.loss() + 0.011 : a.loss() * 0.8);
        assertThat(out).contains("worst delta +0.0110 (Triptans)")
                .contains("more than 0.01): FAIL\n  better").endsWith("more than 0.01): FAIL\n");
    }
}
