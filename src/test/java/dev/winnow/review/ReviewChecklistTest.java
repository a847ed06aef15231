package dev.winnow.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.review.ReviewFacts.StageFacts;
import dev.winnow.review.Step.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewChecklistTest {

    static StageFacts stage(String name, long records, long included, long excluded, long conflicts, int perRecord,
                            List<ReviewFacts.ReviewerCount> who) {
        return new StageFacts(name, records, included, excluded, conflicts, 0, records - included - excluded - conflicts,
                0, perRecord, who);
    }

    static ReviewFacts facts(long sourceRecords, long awaiting, long studies, int criteria, int screeners,
                             StageFacts ta, StageFacts ft) {
        return new ReviewFacts("q", sourceRecords > 0 ? 1 : 0, sourceRecords > 0 ? 1 : 0, sourceRecords, awaiting,
                studies, 0, criteria > 0 ? 2 : 0, criteria, criteria > 0, screeners, screeners, List.of(ta, ft),
                ReviewFacts.Pilot.NONE, new ReviewFacts.FullTexts(ft.records(), 0, 0),
                new ReviewFacts.Charting(false, ft.included(), 0), new ReviewFacts.Report(false, "x"));
    }

    static Step step(List<Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyProjectIsNamedWithTheImportAsItsWayOut() {
        ReviewFacts f = facts(0, 0, 0, 0, 0, stage("title-abstract", 0, 0, 0, 0, 2, List.of()),
                stage("full-text", 0, 0, 0, 0, 2, List.of()));
        List<Problem> problems = ReviewChecklist.problems(f);
        assertThat(problems).extracting(Problem::kind).containsExactly("empty-project", "no-criteria", "no-reviewers");
        assertThat(problems.get(0).line()).isEqualTo("This project has no records yet — run "
                + "`winnow import --project q --source NAME FILE`");
        List<Step> steps = ReviewChecklist.steps(f);
        assertThat(step(steps, "sources").state()).isEqualTo(State.TODO);
        assertThat(step(steps, "screen-title-abstract").summary()).isEqualTo("Nothing to screen until records are imported");
        // nothing says the screening is done when there was nothing to screen
        assertThat(steps).noneMatch(s -> s.id().startsWith("screen-") && s.state() == State.DONE);
        assertThat(step(steps, "report").summary()).isEqualTo("Not yet: no records yet");
    }

    @Test
    void recordsWaitingForDeduplicationBlockScreeningAndSaySo() {
        ReviewFacts f = facts(84, 84, 0, 3, 2, stage("title-abstract", 0, 0, 0, 0, 2, List.of()),
                stage("full-text", 0, 0, 0, 0, 2, List.of()));
        List<Problem> problems = ReviewChecklist.forScreening(f, "title-abstract");
        assertThat(problems).extracting(Problem::kind).containsExactly("awaiting-dedup");
        assertThat(problems.get(0).line()).isEqualTo("84 records are waiting for deduplication and cannot be "
                + "screened yet — run `winnow dedup --project q`");
        assertThat(problems.get(0).page()).isEqualTo("/dedup");
        List<Step> steps = ReviewChecklist.steps(f);
        assertThat(step(steps, "dedup").state()).isEqualTo(State.BLOCKED);
        assertThat(step(steps, "screen-title-abstract").state()).isEqualTo(State.BLOCKED);
        assertThat(step(steps, "screen-title-abstract").summary())
                .isEqualTo("Nothing to screen until the 84 records waiting for deduplication are deduplicated");
    }

    @Test
    void aProtocolWithoutCriteriaAndAStageWithTooFewReviewersAreNamed() {
        ReviewFacts f = new ReviewFacts("q", 1, 1, 10, 0, 10, 2, 3, 0, true, 1, 0,
                List.of(stage("title-abstract", 10, 0, 0, 0, 2, List.of()), stage("full-text", 0, 0, 0, 0, 1, List.of())),
                ReviewFacts.Pilot.NONE, new ReviewFacts.FullTexts(0, 0, 0), new ReviewFacts.Charting(false, 0, 0),
                new ReviewFacts.Report(false, null));
        List<Problem> problems = ReviewChecklist.problems(f);
        assertThat(problems).extracting(Problem::kind).containsExactly("no-criteria", "few-reviewers");
        assertThat(problems.get(0).message()).startsWith("The protocol (version 3) has no eligibility criteria");
        assertThat(problems.get(1).message()).isEqualTo("title-abstract needs 2 reviewers per record but the team "
                + "has 1 who may screen: no record can reach an outcome without another reviewer");
        // the full-text stage wants one reviewer: enough there
        assertThat(ReviewChecklist.forScreening(f, "full-text")).extracting(Problem::kind)
                .containsExactly("nothing-at-full-text", "no-criteria");
        List<Step> steps = ReviewChecklist.steps(f);
        assertThat(step(steps, "protocol").state()).isEqualTo(State.BLOCKED);
        assertThat(step(steps, "dedup").state()).isEqualTo(State.IN_PROGRESS);
        assertThat(step(steps, "dedup").summary()).isEqualTo("10 records → 10 studies (0 duplicates linked); "
                + "2 possible duplicate pairs for a person to check (screening can go on meanwhile)");
        assertThat(step(steps, "team").state()).isEqualTo(State.BLOCKED);
    }

    @Test
    void screeningProgressPerStageAndReviewerThenTheReport() {
        var who = List.of(new ReviewFacts.ReviewerCount("ann", 10), new ReviewFacts.ReviewerCount("bob", 8));
        StageFacts ta = stage("title-abstract", 10, 3, 5, 2, 2, who);
        ReviewFacts f = facts(12, 0, 10, 4, 2, ta, stage("full-text", 3, 0, 0, 0, 2, List.of()));
        List<Step> steps = ReviewChecklist.steps(f);
        Step s = step(steps, "screen-title-abstract");
        assertThat(s.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(s.summary()).isEqualTo("8 of 10 records have a final outcome (3 included, 5 excluded); "
                + "2 conflicts to resolve; by reviewer: ann 10, bob 8");
        // only conflicts are left: the way on is the conflicts board
        assertThat(s.page()).isEqualTo("/conflicts/title-abstract");
        assertThat(step(steps, "screen-full-text").state()).isEqualTo(State.TODO);
        assertThat(step(steps, "full-texts").summary()).isEqualTo("0 of 3 full texts retrieved");
        assertThat(step(steps, "report").summary()).isEqualTo("Not yet: screening is not finished");

        StageFacts done = stage("title-abstract", 10, 3, 7, 0, 2, who);
        StageFacts ftDone = stage("full-text", 3, 2, 1, 0, 2, who);
        ReviewFacts finished = new ReviewFacts("q", 1, 1, 12, 0, 10, 0, 2, 4, true, 2, 2, List.of(done, ftDone),
                new ReviewFacts.Pilot(1, false, 0.9, 0.75, true), new ReviewFacts.FullTexts(3, 2, 1),
                new ReviewFacts.Charting(true, 2, 2), new ReviewFacts.Report(true, null));
        assertThat(ReviewChecklist.steps(finished)).allMatch(x -> x.state() == State.DONE, "every step done");
        assertThat(step(ReviewChecklist.steps(finished), "pilot").summary())
                .isEqualTo("Round 1: 90% agreement (target 75%), met");
        assertThat(ReviewChecklist.problems(finished)).isEmpty();
    }

    /** Outcomes replayed from an earlier review (the demo) or screened by people since removed. */
    @Test
    void withEveryRecordDecidedNobodyNeedsToBeInvitedButOpenRecordsStillNeedReviewers() {
        StageFacts ta = stage("title-abstract", 10, 3, 7, 0, 2, List.of());
        StageFacts ft = stage("full-text", 3, 2, 1, 0, 2, List.of());
        ReviewFacts finished = facts(12, 0, 10, 4, 0, ta, ft);
        assertThat(ReviewChecklist.problems(finished)).isEmpty();
        assertThat(ReviewChecklist.forScreening(finished, "full-text")).isEmpty();
        Step team = step(ReviewChecklist.steps(finished), "team");
        assertThat(team.state()).isEqualTo(State.OPTIONAL);
        assertThat(team.summary()).isEqualTo("No reviewers; no record waits for a screening decision");
        Step pilot = step(ReviewChecklist.steps(finished), "pilot");
        assertThat(pilot.summary()).isEqualTo("No pilot round (optional)");
        assertThat(pilot.command()).isEmpty();

        // one title/abstract inclusion not yet at full text, one full text without an outcome, a study not
        // yet at title/abstract, outcomes hidden by blinding: each is screening still to do
        List<ReviewFacts> open = List.of(
                facts(12, 0, 10, 4, 0, ta, stage("full-text", 2, 1, 1, 0, 2, List.of())),
                facts(12, 0, 10, 4, 0, ta, stage("full-text", 3, 1, 1, 0, 2, List.of())),
                facts(12, 0, 11, 4, 0, ta, ft),
                facts(12, 0, 10, 4, 0, ta, new StageFacts("full-text", 3, 2, 1, 0, 0, 0, 1, 2, List.of())));
        for (ReviewFacts f : open) {
            assertThat(ReviewChecklist.problems(f)).extracting(Problem::kind).containsExactly("no-reviewers");
            assertThat(step(ReviewChecklist.steps(f), "team").state()).isEqualTo(State.BLOCKED);
            assertThat(step(ReviewChecklist.steps(f), "pilot").command()).startsWith("winnow screen pilot start");
        }
    }
}
