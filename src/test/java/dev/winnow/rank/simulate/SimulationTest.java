package dev.winnow.rank.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.rank.RankModels;
import dev.winnow.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {
    @TempDir
    Path dir;

    @Test
    void readsAnyAcceptedLabelColumnAndReportsBadLabels() throws Exception {
        Path ok = dir.resolve("set.csv");
        Files.writeString(ok, "record_id;Title;abstract;included\n1;\"A; title\";Text one;1\n2;B;\"Two,\nlines\";0\n");
        LabelledDataset d = LabelledDataset.read(ok);
        assertThat(d.name()).isEqualTo("set");
        assertThat(d.texts()).containsExactly("A; title Text one", "B Two,\nlines");
        assertThat(d.texts(2)).containsExactly("A; title A; title Text one", "B B Two,\nlines");
        assertThat(d.relevant()).containsExactly(true, false);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "title,abstract,label_included\nx,y,1\nz,w,maybe\n");
        assertThatThrownBy(() -> LabelledDataset.read(bad)).isInstanceOf(UserError.class)
                .hasMessageContaining("bad.csv line 3").hasMessageContaining("'maybe'");
        Path none = dir.resolve("none.csv");
        Files.writeString(none, "title,abstract,score\nx,y,1\n");
        assertThatThrownBy(() -> LabelledDataset.read(none)).hasMessageContaining("no label column");
    }

    @Test
    void seededPriorsAreOneOfEachAndReproducible() {
        boolean[] labels = new boolean[50];
        labels[3] = labels[17] = labels[40] = true;
        Priors a = Priors.fromSeed(labels, 5);
        assertThat(labels[a.relevant()]).isTrue();
        assertThat(labels[a.irrelevant()]).isFalse();
        assertThat(Priors.fromSeed(labels, 5)).isEqualTo(a);
    }

    @Test
    void simulatesARealReviewBetterThanRandom() {
        Path csv = SharedData.require(
                "asreview-systematic-review-datasets/datasets/Cohen_2006/output/online/Antihistamines.csv");
        LabelledDataset d = LabelledDataset.read(csv);
        assertThat(d.size()).isEqualTo(310);
        assertThat(d.relevantCount()).isEqualTo(16);
        Simulation.Result r = Simulation.run(d, RankModels.DEFAULT, new Priors(248, 198), true);
        assertThat(r.order()[0]).isEqualTo(248);
        assertThat(r.order()[1]).isEqualTo(198);
        assertThat(Arrays.stream(r.order()).sorted().toArray()).containsExactly(IntStream.range(0, 310).toArray());
        assertThat(r.metrics()).isEqualTo(Metrics.of(Metrics.labelsInOrder(r.order(), d.relevant())));
        // ELAS u4 scores 0.2134 here (ANCHORS.md); random ordering 0.5
        assertThat(r.metrics().loss()).isLessThan(0.30);
        assertThat(r.stops()).hasSize(3);
        Simulation.StopPoint test = r.stops().get(0);
        assertThat(test.heuristic()).isFalse();
        if (test.screened() >= 0) {
            assertThat(test.workSaved()).isEqualTo(1.0 - test.screened() / 310.0);
        }
    }
}
