package dev.winnow.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.rank.balance.RatioBalancer;
import dev.winnow.rank.combine.SingleModel;
import dev.winnow.rank.models.DualSvm;
import org.junit.jupiter.api.Test;

class RankModelsTest {
    @Test
    void noNameMeansTheDefaultAndElasU4IsStillSelectableByName() {
        assertThat(RankModels.byName(null)).isSameAs(RankModels.DEFAULT);
        RankModel u4 = RankModels.byName("elas-u4");
        assertThat(u4).isSameAs(RankModels.ELAS_U4);
        assertThat(u4.titleCopies()).isEqualTo(1);
        SingleModel single = (SingleModel) u4.learner();
        assertThat(((DualSvm) single.classifier()).c()).isEqualTo(0.11);
        assertThat(single.balancer()).isEqualTo(new RatioBalancer(9.8));
        for (RankModel m : RankModels.CANDIDATES) {
            assertThat(RankModels.byName(m.name().toUpperCase(java.util.Locale.ROOT))).isSameAs(m);
        }
        assertThatThrownBy(() -> RankModels.byName("elas-u9")).isInstanceOf(UserError.class)
                .hasMessageContaining("no ranking model 'elas-u9'").hasMessageContaining("elas-u4");
    }

    @Test
    void aModelCountsTheTitleAsOftenAsItSays() {
        assertThat(RankModels.ELAS_U4.text("Title", "abstract")).isEqualTo("Title abstract");
        assertThat(RankModels.TITLE2.text("Title", "abstract")).isEqualTo("Title Title abstract");
        assertThat(RankModels.TITLE2.text(null, null)).isEqualTo("  ");
    }
}
