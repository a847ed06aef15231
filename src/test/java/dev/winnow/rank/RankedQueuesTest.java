package dev.winnow.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.protocol.Protocol;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.StoppingRule;
import dev.winnow.rank.stop.ConsecutiveIrrelevant;
import dev.winnow.rank.stop.HypergeometricStop;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.ProjectStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.UserStore;
import dev.winnow.testing.TestDb;
import dev.winnow.testing.TopicStudies;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ranking as the screening queue's order, on SQLite and PostgreSQL: real database, real
 * {@link RankService}; only the background executor is one the test drives by hand, so that
 * "not yet refreshed" and "refreshed" are states the test chooses.
 */
class RankedQueuesTest {
    private static final StageName TA = StageName.TITLE_ABSTRACT;

    /** Runs nothing until told to: the refreshes a {@link RankedQueues} asked for wait here. */
    private static final class HandDriven implements Executor {
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            waiting.add(task);
        }

        synchronized int size() {
            return waiting.size();
        }

        /** Runs what is waiting now (and what those tasks queue in turn), in order. */
        void drain() {
            Runnable next;
            while ((next = poll()) != null) {
                next.run();
            }
        }

        synchronized Runnable poll() {
            return waiting.poll();
        }
    }

    private record Fixture(Project project, long stage, Viewer ana, Viewer ben, List<Long> studies) {
        boolean relevant(long id) {
            return TopicStudies.relevant(studies.indexOf(id));
        }
    }

    /** 40 study records: every 4th about palliative care shared by primary care and oncology, the rest orthopaedics. */
    private static Fixture fixture(Database db) {
        return db.inTransaction(h -> {
            Project p = ProjectStore.insert(h, "p", "Palliative care", ProjectKind.SCOPING, null);
            long stage = StageStore.ensure(h, p.id(), TA.label()).id();
            UserStore.User ana = UserStore.insert(h, "ana", "Ana", null, false);
            UserStore.User ben = UserStore.insert(h, "ben", "Ben", null, false);
            List<Long> ids = TopicStudies.insert(h, p.id(), 40);
            return new Fixture(p, stage, Viewer.reviewer(ana.id(), "ana"), Viewer.reviewer(ben.id(), "ben"), ids);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void afterAnIncludeAndAnExcludeTheQueueOffersTheRelevantLookingRecordsFirst(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            HandDriven background = new HandDriven();
            RankedQueues queues = new RankedQueues(db, new RankService(db), background);
            ScreeningService screening = new ScreeningService(db, queues);

            // record order at first: the first record, then the second; nothing is computed on this thread
            long first = screening.next(f.ana(), f.project(), TA).orElseThrow().study().id();
            assertThat(first).isEqualTo(f.studies().get(0));
            assertThat(queues.refreshes()).isZero();
            assertThat(background.size()).isEqualTo(1);
            screening.decide(f.ana(), f.project(), TA, first, ScreeningService.Input.of(Verdict.INCLUDE));
            queues.decided(f.project().id(), TA, f.ana().userId());
            long second = screening.next(f.ana(), f.project(), TA).orElseThrow().study().id();
            assertThat(second).isEqualTo(f.studies().get(1));
            screening.decide(f.ana(), f.project(), TA, second, ScreeningService.Input.of(Verdict.EXCLUDE));
            queues.decided(f.project().id(), TA, f.ana().userId());
            assertThat(queues.standing(f.project().id(), TA, f.ana().userId())).isEmpty();

            background.drain();
            Standing s = queues.standing(f.project().id(), TA, f.ana().userId()).orElseThrow();
            assertThat(s.ranked()).isTrue();
            assertThat(s.trainingLabels()).isEqualTo(2);
            assertThat(s.orderLine()).isEqualTo("Ranked by likely relevance (model of 2 decisions: yours and resolved records)");
            assertThat(s.screened()).isEqualTo(2);
            assertThat(s.total()).isEqualTo(40);
            assertThat(s.estimate().stop()).isFalse();
            assertThat(s.estimateLine()).startsWith("You have screened 2 of 40 records; 1 relevant found")
                    .contains("Keep screening");

            // the 9 other palliative-care records come next, even from the (now stale) order
            List<Long> met = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                long id = screening.next(f.ana(), f.project(), TA).orElseThrow().study().id();
                met.add(id);
                screening.decide(f.ana(), f.project(), TA, id, ScreeningService.Input.of(Verdict.INCLUDE));
            }
            assertThat(met).allMatch(f::relevant).doesNotHaveDuplicates();
            // record order would have given records 2..10, mostly orthopaedics
            assertThat(f.studies().subList(2, 11)).anyMatch(id -> !f.relevant(id));

            queues.decided(f.project().id(), TA, f.ana().userId());
            background.drain();
            Standing after = queues.standing(f.project().id(), TA, f.ana().userId()).orElseThrow();
            assertThat(after.screened()).isEqualTo(11);
            assertThat(after.relevantFound()).isEqualTo(10);
            assertThat(after.order()).hasSize(29).noneMatch(f::relevant);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anotherReviewersUnresolvedVotesNeverChangeARanking(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            ScreeningService screening = new ScreeningService(db);
            for (int i = 4; i < 7; i++) {
                screening.decide(f.ana(), f.project(), TA, f.studies().get(i),
                        ScreeningService.Input.of(i == 4 ? Verdict.INCLUDE : Verdict.EXCLUDE));
            }
            RankedQueues queues = new RankedQueues(db, new RankService(db), new HandDriven());
            Standing alone = queues.compute(f.project().id(), f.stage(), f.ana().userId());
            // Ben votes the other way on many records, some of which Ana has not seen yet
            for (int i = 4; i < 30; i++) {
                screening.decide(f.ben(), f.project(), TA, f.studies().get(i),
                        ScreeningService.Input.of(f.relevant(f.studies().get(i)) ? Verdict.EXCLUDE : Verdict.INCLUDE));
            }
            Standing withBen = queues.compute(f.project().id(), f.stage(), f.ana().userId());
            assertThat(withBen.order()).isEqualTo(alone.order());
            assertThat(withBen.estimate()).isEqualTo(alone.estimate());
            assertThat(withBen.trainingLabels()).isEqualTo(3);
            assertThat(withBen.estimateLine()).isEqualTo(alone.estimateLine());
            // Ben's own standing is his
            Standing ben = queues.compute(f.project().id(), f.stage(), f.ben().userId());
            assertThat(ben.screened()).isEqualTo(26);
            assertThat(ben.order()).doesNotContain(f.studies().get(5)).contains(f.studies().get(31));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void refreshesCoalesceAndADecisionDuringARefreshIsPickedUpByExactlyOneMore(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            HandDriven background = new HandDriven();
            RankedQueues queues = new RankedQueues(db, new RankService(db), background);
            ScreeningService screening = new ScreeningService(db, queues);
            long p = f.project().id();
            long ana = f.ana().userId();
            for (int i = 0; i < 5; i++) {
                queues.decided(p, TA, ana);
                assertThat(queues.preferred(p, f.stage(), ana)).isEmpty();
            }
            assertThat(background.size()).isEqualTo(1);
            background.drain();
            assertThat(queues.refreshes()).isEqualTo(1);
            assertThat(background.size()).isZero();
            assertThat(queues.standing(p, TA, ana).orElseThrow().screened()).isZero();

            // while the next refresh runs, Ana decides twice and three refreshes are asked for
            queues.onRefreshed(s -> {
                if (queues.refreshes() == 2) {
                    for (int i = 0; i < 2; i++) {
                        screening.decide(f.ana(), f.project(), TA, f.studies().get(i),
                                ScreeningService.Input.of(i == 0 ? Verdict.INCLUDE : Verdict.EXCLUDE));
                        queues.decided(p, TA, ana);
                    }
                    queues.decided(p, TA, ana);
                    assertThat(background.size()).as("pending, not queued, while running").isZero();
                }
            });
            queues.decided(p, TA, ana);
            Runnable second = background.poll();
            second.run();
            assertThat(queues.refreshes()).isEqualTo(2);
            assertThat(queues.standing(p, TA, ana).orElseThrow().screened()).as("computed before the decisions").isZero();
            assertThat(background.size()).as("one follow-up for all three requests").isEqualTo(1);
            background.drain();
            assertThat(queues.refreshes()).isEqualTo(3);
            assertThat(background.size()).isZero();
            Standing s = queues.standing(p, TA, ana).orElseThrow();
            assertThat(s.screened()).isEqualTo(2);
            assertThat(s.ranked()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theProtocolsPreRegisteredRuleIsUsedAndFullTextKeepsRecordOrder(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            ProtocolService protocols = new ProtocolService(db);
            protocols.save(f.project(), new Protocol(null, null, List.of(), List.of(),
                    new StoppingRule("buscar", 0.9, 0.8)), "lead");
            try (RankedQueues queues = new RankedQueues(db)) {
                Standing s = queues.compute(f.project().id(), f.stage(), f.ana().userId());
                assertThat(s.rule()).isInstanceOfSatisfying(HypergeometricStop.class, h -> {
                    assertThat(h.target()).isEqualTo(0.9);
                    assertThat(h.confidence()).isEqualTo(0.8);
                });
                assertThat(s.estimateLine()).contains("No estimate before your first decisions");

                protocols.save(f.project(), new Protocol(null, null, List.of(), List.of(),
                        new StoppingRule("consecutive:3", 0.95, 0.95)), "lead");
                ScreeningService screening = new ScreeningService(db);
                for (int i = 1; i <= 3; i++) {
                    screening.decide(f.ana(), f.project(), TA, f.studies().get(i), ScreeningService.Input.of(Verdict.EXCLUDE));
                }
                // the real background thread this time
                queues.decided(f.project().id(), TA, f.ana().userId());
                assertThat(queues.awaitIdle(Duration.ofSeconds(30))).isTrue();
                Standing h = queues.standing(f.project().id(), TA, f.ana().userId()).orElseThrow();
                assertThat(h.rule()).isEqualTo(new ConsecutiveIrrelevant(3));
                assertThat(h.estimate().heuristic()).isTrue();
                assertThat(h.estimateLine()).contains("Heuristic, no statistical guarantee: 3 irrelevant in a row")
                        .contains("By this heuristic you may stop");

                long fullText = db.inTransaction(x -> StageStore.ensure(x, f.project().id(), "full-text").id());
                Standing ft = queues.compute(f.project().id(), fullText, f.ana().userId());
                assertThat(ft.order()).isEmpty();
                assertThat(ft.estimate()).isNull();
                assertThat(ft.orderLine()).isEqualTo("Record order (ranking is used at title/abstract only)");
                assertThat(Optional.of(ft.estimateLine())).contains("");
            }
        }
    }
}
