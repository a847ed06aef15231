package dev.winnow.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.rank.stop.ConsecutiveIrrelevant;
import dev.winnow.rank.stop.StoppingRules;
import dev.winnow.record.Record;
import dev.winnow.screen.Verdict;
import dev.winnow.store.Clock;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.DedupStore;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.StudyStore;
import dev.winnow.store.UserStore;
import dev.winnow.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reviewer's ranked queue, on SQLite and PostgreSQL alike. */
class RankServiceTest {
    private record Fixture(long project, long stage, long ana, long ben, List<Long> studies) {
    }

    /** 40 studies: every 4th about shared palliative care, the rest about orthopaedics. */
    private static Fixture fixture(Database db) {
        return db.inTransaction(h -> {
            Project p = ProjectStore.insert(h, "p", "Palliative care", ProjectKind.SCOPING, null);
            long stage = StageStore.ensure(h, p.id(), "title-abstract").id();
            long ana = UserStore.insert(h, "ana", "Ana", null, false).id();
            long ben = UserStore.insert(h, "ben", "Ben", null, false).id();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean on = i % 4 == 0;
                Record r = Record.builder()
                        .title(on ? "Early palliative care shared by general practice and oncology " + i
                                : "Knee replacement outcomes after fracture surgery " + i)
                        .abstractText(on ? "A model of palliative care for patients with cancer in primary care."
                                : "Orthopaedic patients followed after surgery of the knee and hip.")
                        .build();
                ids.add(StudyStore.insert(h, p.id(), r).id());
            }
            return new Fixture(p.id(), stage, ana, ben, ids);
        });
    }

    private static void decide(Database db, long stage, long study, long user, Verdict v) {
        db.useTransaction(h -> DecisionStore.append(h, new DecisionStore.NewDecision(stage, study, user, v, null,
                null, null, null, null, null, null)));
    }

    private static void resolve(Handle h, long stage, long study, String verdict) {
        h.createUpdate("insert into resolution (stage_id, study_id, verdict, method, resolved_at) "
                        + "values (:s, :t, :v, 'consensus', :now)")
                .bind("s", stage).bind("t", study).bind("v", verdict).bind("now", Clock.now()).execute();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void rankingLearnsFromTheReviewersOwnDecisions(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            RankService service = new RankService(db);
            RankService.Queue before = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            assertThat(before.ranked()).isFalse();
            assertThat(before.studyIds()).containsExactlyElementsOf(f.studies());
            decide(db, f.stage(), f.studies().get(0), f.ana(), Verdict.INCLUDE);
            decide(db, f.stage(), f.studies().get(1), f.ana(), Verdict.EXCLUDE);
            RankService.Queue q = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            assertThat(q.ranked()).isTrue();
            assertThat(q.studyIds()).hasSize(38).doesNotContain(f.studies().get(0), f.studies().get(1));
            // the 9 other palliative-care records come first
            for (long id : q.studyIds().subList(0, 9)) {
                assertThat(f.studies().indexOf(id) % 4).isZero();
            }
            assertThat(q.screened()).isEqualTo(2);
            assertThat(q.relevantFound()).isEqualTo(1);
            assertThat(q.stopping().stop()).isFalse();
            assertThat(q.stopping().says()).contains("p = ");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theLiveQueueUsesTheDefaultModelAndElasU4StaysSelectable(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            decide(db, f.stage(), f.studies().get(0), f.ana(), Verdict.INCLUDE);
            decide(db, f.stage(), f.studies().get(1), f.ana(), Verdict.EXCLUDE);
            assertThat(new RankService(db).model()).isSameAs(RankModels.DEFAULT);
            List<RankModel> models = new ArrayList<>(List.of(RankModels.DEFAULT, RankModels.ELAS_U4));
            models.addAll(RankModels.CANDIDATES);
            for (RankModel m : models) {
                RankService.Queue q = new RankService(db, m).queue(f.project(), f.stage(), f.ana(),
                        StoppingRules.DEFAULT);
                assertThat(q.ranked()).as(m.name()).isTrue();
                for (long id : q.studyIds().subList(0, 9)) {
                    assertThat(f.studies().indexOf(id) % 4).as(m.name()).isZero();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anotherReviewersVotesNeverChangeTheQueue(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            decide(db, f.stage(), f.studies().get(4), f.ana(), Verdict.INCLUDE);
            decide(db, f.stage(), f.studies().get(5), f.ana(), Verdict.EXCLUDE);
            decide(db, f.stage(), f.studies().get(6), f.ana(), Verdict.EXCLUDE);
            RankService service = new RankService(db);
            RankService.Queue alone = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            // Ben votes the opposite way on many records, including ones Ana has not seen
            for (int i = 7; i < 30; i++) {
                decide(db, f.stage(), f.studies().get(i), f.ben(), i % 4 == 0 ? Verdict.EXCLUDE : Verdict.INCLUDE);
            }
            decide(db, f.stage(), f.studies().get(4), f.ben(), Verdict.EXCLUDE);
            RankService.Queue withBen = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            assertThat(withBen).isEqualTo(alone);
            // a fresh service (a restart) computes the same from the database
            RankService restarted = new RankService(db);
            assertThat(restarted.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT)).isEqualTo(alone);
            // Ben's own queue is his own
            RankService.Queue ben = service.queue(f.project(), f.stage(), f.ben(), StoppingRules.DEFAULT);
            assertThat(ben.screened()).isEqualTo(24);
            assertThat(ben.studyIds()).contains(f.studies().get(5)).doesNotContain(f.studies().get(4));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void resolvedOutcomesTrainEveryoneAndLeaveTheQueue(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            db.useTransaction(h -> {
                resolve(h, f.stage(), f.studies().get(8), "include");
                resolve(h, f.stage(), f.studies().get(9), "exclude");
            });
            RankService service = new RankService(db);
            RankService.Queue q = service.queue(f.project(), f.stage(), f.ana(), new ConsecutiveIrrelevant(5));
            assertThat(q.ranked()).isTrue();
            assertThat(q.studyIds()).hasSize(38).doesNotContain(f.studies().get(8), f.studies().get(9));
            assertThat(f.studies().indexOf(q.studyIds().get(0)) % 4).isZero();
            assertThat(q.stopping().heuristic()).isTrue();
            // new study records join the features and the queue
            long added = db.inTransaction(h -> StudyStore.insert(h, f.project(), Record.builder()
                    .title("Palliative care shared between oncology and general practice").build()).id());
            RankService.Queue grown = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            assertThat(grown.studyIds()).hasSize(39).contains(added);
            assertThat(grown.studyIds().indexOf(added)).isLessThan(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aStudyWhoseFieldsAMergeRewroteIsRankedByItsNewText(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            decide(db, f.stage(), f.studies().get(0), f.ana(), Verdict.INCLUDE);
            decide(db, f.stage(), f.studies().get(1), f.ana(), Verdict.EXCLUDE);
            RankService service = new RankService(db);
            RankService.Queue before = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            long knee = f.studies().get(2);
            long palliative = f.studies().get(12);
            assertThat(before.studyIds().indexOf(knee)).isGreaterThanOrEqualTo(9);
            assertThat(before.studyIds().indexOf(palliative)).isLessThan(9);
            // a deduplication merge rewrites both studies' fields (their ids, and decisions, stay)
            db.useTransaction(h -> {
                DedupStore.updateStudy(h, knee, Record.builder()
                        .title("Early palliative care shared by general practice and oncology: a cohort")
                        .abstractText("A model of palliative care for patients with cancer in primary care.").build());
                DedupStore.updateStudy(h, palliative, Record.builder()
                        .title("Knee replacement outcomes after fracture surgery: a registry")
                        .abstractText("Orthopaedic patients followed after surgery of the knee and hip.").build());
            });
            RankService.Queue after = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            assertThat(after.studyIds().indexOf(knee)).isLessThan(9);
            assertThat(after.studyIds().indexOf(palliative)).isGreaterThanOrEqualTo(9);
            // a study that is gone leaves the queue, and the ranking still works without it
            long gone = f.studies().get(4);
            db.useTransaction(h -> DedupStore.deleteStudy(h, gone));
            RankService.Queue fewer = service.queue(f.project(), f.stage(), f.ana(), StoppingRules.DEFAULT);
            assertThat(fewer.studyIds()).hasSize(37).doesNotContain(gone);
            assertThat(fewer.studyIds().indexOf(knee)).isLessThan(8);
        }
    }
}
