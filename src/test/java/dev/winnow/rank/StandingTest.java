package dev.winnow.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.rank.stop.ConsecutiveIrrelevant;
import dev.winnow.rank.stop.StoppingRule;
import dev.winnow.rank.stop.StoppingRules;
import dev.winnow.screen.StageName;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order and stopping lines a reviewer reads, from the rules' real verdicts. */
class StandingTest {
    /** {@code relevant} relevant records first, then {@code irrelevant} irrelevant ones, of {@code total}. */
    private static Standing after(int relevant, int irrelevant, int total, StoppingRule rule) {
        boolean[] seq = new boolean[relevant + irrelevant];
        for (int i = 0; i < relevant; i++) {
            seq[i] = true;
        }
        StoppingRule.Estimate e = rule.evaluate(seq, seq.length, total);
        return new Standing(1, 1, 1, StageName.TITLE_ABSTRACT, List.of(), true, seq.length, seq.length, relevant,
                ConsecutiveIrrelevant.run(seq, seq.length), total, rule, e, null, Instant.now(), 3);
    }

    @Test
    void theHypergeometricRuleSaysKeepScreeningWithAnUpperBoundThenYouMayStop() {
        Standing early = after(5, 20, 2000, StoppingRules.DEFAULT);
        assertThat(early.estimate().stop()).isFalse();
        assertThat(early.estimateLine()).isEqualTo("You have screened 25 of 2000 records; 5 relevant found (includes "
                + "and maybes). With 95% confidence at most " + early.estimate().maxRelevantLeft() + " relevant records "
                + "remain unscreened. Keep screening: 95% recall is not yet shown at 95% confidence (p = "
                + String.format(java.util.Locale.ROOT, "%.3f", early.estimate().pValue()) + ").");
        assertThat(early.estimate().maxRelevantLeft()).isGreaterThan(5);

        Standing late = after(20, 1800, 2000, StoppingRules.DEFAULT);
        assertThat(late.estimate().stop()).isTrue();
        assertThat(late.estimateLine()).contains("You have screened 1820 of 2000 records; 20 relevant found")
                .contains("You may stop: with 95% confidence you have found at least 95% of the relevant records (p = 0.008, "
                        + "the pre-registered rule).")
                .contains("With 95% confidence at most 1 relevant record remains unscreened.");
        assertThat(late.summary()).containsEntry("order", "ranked").containsEntry("screened", 1820)
                .containsKey("stopping");
    }

    @Test
    void heuristicsSayTheyAreHeuristics() {
        Standing s = after(3, 10, 500, new ConsecutiveIrrelevant(50));
        assertThat(s.estimateLine()).endsWith("Heuristic, no statistical guarantee: 10 irrelevant in a row; the rule "
                + "stops at 50. Keep screening.");
        @SuppressWarnings("unchecked")
        var stopping = (java.util.Map<String, Object>) s.summary().get("stopping");
        assertThat(stopping).containsEntry("heuristic", true).containsEntry("pValue", null)
                .containsEntry("maxRelevantLeft", null);
    }

    @Test
    void beforeTheModelCanTrainTheOrderIsRecordOrderAndSaysWhy() {
        Standing s = new Standing(1, 1, 1, StageName.TITLE_ABSTRACT, List.of(3L, 4L), false, 0, 1, 1, 0, 10,
                StoppingRules.DEFAULT, StoppingRules.DEFAULT.evaluate(new boolean[] {true}, 1, 10), null,
                Instant.now(), 1);
        assertThat(s.orderLine()).isEqualTo("Record order (ranking starts after your first include and first exclude)");
        assertThat(s.summary()).containsEntry("order", "record");
    }
}
