package dev.winnow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The full-text benchmark screens what it says it screens (its figures are printed, not judged here). */
class FullTextBenchTest {

    @Test
    void everyTitleAbstractRecordIsDecidedTwiceAndTheTimedDecisionsAreRealFullTextOnes() throws Exception {
        FullTextBench.Result r = FullTextBench.run(List.of(200), 3).getFirst();
        assertThat(r.studies()).isEqualTo(200);
        assertThat(r.titleAbstractDecisions()).isEqualTo(400);
        // one record in twenty included by both reviewers reaches full text
        assertThat(r.fullTextRecords()).isEqualTo(200 / FullTextBench.INCLUDE_EVERY);
        assertThat(r.decided()).isEqualTo(3);
        assertThat(List.of(r.outcomesP50(), r.peekP50(), r.nextP50(), r.decideP50())).allMatch(ms -> ms > 0);
        assertThat(r.decideP95()).isGreaterThanOrEqualTo(r.decideP50());
        assertThat(r.decideMax()).isGreaterThanOrEqualTo(r.decideP95());
    }
}
