package dev.winnow.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Screening on SQLite and PostgreSQL: blinding, conflicts, resolution, reasons, assignment. */
class ScreeningServiceTest {
    private static final StageName TA = StageName.TITLE_ABSTRACT;
    private static final StageName FT = StageName.FULL_TEXT;

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void blindedReviewersCannotReadEachOthersDecisionsThroughAnyCall(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 4);
            f.rules(2, true, "all", List.of("carol"));
            Viewer alice = f.reviewer("alice");
            Viewer bob = f.reviewer("bob");
            Viewer carol = f.reviewer("carol");
            ScreeningService s = f.screening;
            // record 0: agree include; 1: disagree; 2: only bob decided; 3: untouched
            f.decide(alice, TA, f.study(0), Verdict.INCLUDE);
            f.decide(bob, TA, f.study(0), Verdict.INCLUDE);
            f.decide(alice, TA, f.study(1), Verdict.INCLUDE);
            f.decide(bob, TA, f.study(1), Verdict.EXCLUDE, "wrong population");
            f.decide(bob, TA, f.study(2), Verdict.EXCLUDE, "no model of care");

            for (int i = 0; i < 4; i++) {
                assertThat(s.decisions(alice, f.project, TA, f.study(i)))
                        .allMatch(d -> d.userId() == alice.userId());
                assertThat(s.outcome(alice, f.project, TA, f.study(i)).status())
                        .isIn(Outcome.Status.BLINDED);
            }
            assertThat(s.conflicts(alice, f.project, TA)).isEmpty();
            ScreeningService.StageOutcomes seen = s.outcomes(alice, f.project, TA);
            assertThat(seen.outcomes()).allMatch(o -> o.status() == Outcome.Status.BLINDED && o.decisions() == 0);
            assertThat(seen.counts().get("blinded")).isEqualTo(4L);
            ScreeningService.AgreementReport agreement = s.agreement(alice, f.project, TA);
            assertThat(agreement.pairs()).isEmpty();
            assertThat(agreement.overall().n()).isZero();
            assertThat(agreement.restricted()).isTrue();
            assertThatThrownBy(() -> s.prismaCounts(alice, f.project)).isInstanceOf(UserError.class)
                    .hasMessageContaining("blinded");
            assertThat(s.myDecisions(alice, f.project, TA)).allMatch(d -> d.userId() == alice.userId()).hasSize(2);
            // bob likewise sees only his own
            assertThat(s.decisions(bob, f.project, TA, f.study(1))).extracting(Decision::userId)
                    .containsOnly(bob.userId());

            // carol, the third reviewer who screened nothing, sees the conflict and both decisions
            assertThat(s.conflicts(carol, f.project, TA)).extracting(ScreeningService.Conflict::studyId)
                    .containsExactly(f.study(1));
            assertThat(s.decisions(carol, f.project, TA, f.study(1))).hasSize(2);
            assertThat(s.outcome(carol, f.project, TA, f.study(0)).status()).isEqualTo(Outcome.Status.INCLUDED);
            assertThat(s.outcome(carol, f.project, TA, f.study(2)).status()).isEqualTo(Outcome.Status.AWAITING_REVIEWER);
            assertThat(s.agreement(carol, f.project, TA).overall().n()).isEqualTo(2);
            // and the overseer sees it all
            assertThat(s.outcomes(Viewer.overseer("test"), f.project, TA).counts())
                    .containsEntry("included", 1L).containsEntry("conflict", 1L)
                    .containsEntry("awaiting-reviewer", 1L).containsEntry("pending", 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void unblindedStagesShowEverythingToEveryone(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 1);
            f.rules(2, false, "all", List.of("owner"));
            Viewer alice = f.reviewer("alice");
            Viewer bob = f.reviewer("bob");
            f.decide(alice, TA, f.study(0), Verdict.INCLUDE);
            f.decide(bob, TA, f.study(0), Verdict.EXCLUDE);
            assertThat(f.screening.decisions(alice, f.project, TA, f.study(0))).hasSize(2);
            assertThat(f.screening.conflicts(alice, f.project, TA)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void conflictsAppearExactlyWhenReviewersDisagree(TestDb kind) {
        try (Database db = kind.fresh()) {
            Verdict[] v = Verdict.values();
            ScreeningFixture f = new ScreeningFixture(db, v.length * v.length);
            Viewer alice = f.reviewer("alice");
            Viewer bob = f.reviewer("bob");
            Set<Long> expected = new HashSet<>();
            int i = 0;
            for (Verdict a : v) {
                for (Verdict b : v) {
                    long study = f.study(i++);
                    f.decide(alice, TA, study, a);
                    f.decide(bob, TA, study, b);
                    if (a != b || a == Verdict.MAYBE) {
                        expected.add(study);
                    }
                }
            }
            Viewer overseer = Viewer.overseer("test");
            assertThat(f.screening.conflicts(overseer, f.project, TA)).extracting(ScreeningService.Conflict::studyId)
                    .containsExactlyInAnyOrderElementsOf(expected);
            // a change of mind is a new decision, and the newest one counts
            long first = f.study(1); // include vs exclude
            f.decide(bob, TA, first, Verdict.INCLUDE);
            assertThat(f.screening.conflicts(overseer, f.project, TA)).extracting(ScreeningService.Conflict::studyId)
                    .doesNotContain(first);
            assertThat(f.screening.outcome(overseer, f.project, TA, first).status()).isEqualTo(Outcome.Status.INCLUDED);
            assertThat(f.screening.decisions(overseer, f.project, TA, first)).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aThirdReviewersResolutionSetsTheOutcome(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 2);
            f.rules(2, true, "all", List.of("any-reviewer"));
            Viewer alice = f.reviewer("alice");
            Viewer bob = f.reviewer("bob");
            Viewer carol = f.reviewer("carol");
            long study = f.study(0);
            f.decide(alice, TA, study, Verdict.INCLUDE);
            f.decide(bob, TA, study, Verdict.EXCLUDE, "wrong population");
            assertThatThrownBy(() -> f.screening.resolve(alice, f.project, TA, study, Verdict.INCLUDE,
                    Resolution.THIRD_REVIEWER, List.of(), "mine")).hasMessageContaining("alice screened record");
            assertThatThrownBy(() -> f.screening.resolve(carol, f.project, TA, f.study(1), Verdict.INCLUDE,
                    Resolution.THIRD_REVIEWER, List.of(), null)).hasMessageContaining("not in conflict");
            Resolution r = f.screening.resolve(carol, f.project, TA, study, Verdict.EXCLUDE, Resolution.THIRD_REVIEWER,
                    List.of("Wrong population"), "adolescents only");
            assertThat(r.userId()).isEqualTo(carol.userId());
            assertThat(r.reasons()).containsExactly("wrong population");
            Outcome o = f.screening.outcome(Viewer.overseer("t"), f.project, TA, study);
            assertThat(o.status()).isEqualTo(Outcome.Status.EXCLUDED);
            assertThat(o.resolved()).isTrue();
            assertThat(o.reasons()).containsExactly("wrong population");
            assertThat(f.screening.conflicts(carol, f.project, TA)).isEmpty();
            assertThat(db.<Long>withHandle(h -> h.createQuery(
                    "select count(*) from audit_event where action = 'screen.resolve'").mapTo(Long.class).one()))
                    .isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void fullTextExclusionWithoutAReasonIsRefused(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 2);
            f.rules(1, true, "all", List.of("any-reviewer"));
            Viewer alice = f.reviewer("alice");
            f.decide(alice, TA, f.study(0), Verdict.INCLUDE);
            assertThatThrownBy(() -> f.decide(alice, FT, f.study(1), Verdict.EXCLUDE, "wrong population"))
                    .isInstanceOf(UserError.class).hasMessageContaining("not screened at full-text");
            assertThatThrownBy(() -> f.decide(alice, FT, f.study(0), Verdict.EXCLUDE))
                    .isInstanceOf(UserError.class)
                    .hasMessage("a full-text exclusion needs a reason: give one of: wrong population; no model of care; "
                            + "single sector only");
            assertThatThrownBy(() -> f.decide(alice, FT, f.study(0), Verdict.EXCLUDE, "too long"))
                    .hasMessageContaining("'too long' is not an exclusion reason");
            assertThat(f.screening.myDecisions(alice, f.project, FT)).isEmpty();
            f.decide(alice, FT, f.study(0), Verdict.EXCLUDE, "single sector only");
            assertThat(f.screening.outcome(Viewer.overseer("t"), f.project, FT, f.study(0)).reasons())
                    .containsExactly("single sector only");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aQueueNeverShowsARecordTwiceAndEachRecordGoesToNReviewers(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 5);
            Viewer[] team = {f.reviewer("alice"), f.reviewer("bob"), f.reviewer("carol")};
            Map<Long, List<String>> seenBy = new ConcurrentHashMap<>();
            for (int round = 0; round < 10; round++) {
                for (Viewer v : team) {
                    Optional<ScreeningService.Next> next = f.screening.next(v, f.project, TA);
                    // asking again before deciding gives the same record, not a new one
                    assertThat(f.screening.next(v, f.project, TA).map(n -> n.study().id()))
                            .isEqualTo(next.map(n -> n.study().id()));
                    next.ifPresent(n -> {
                        seenBy.computeIfAbsent(n.study().id(), k -> new ArrayList<>()).add(v.name());
                        f.decide(v, TA, n.study().id(), Verdict.EXCLUDE);
                    });
                }
            }
            assertThat(seenBy).hasSize(5);
            assertThat(seenBy.values()).allSatisfy(names -> {
                assertThat(names).hasSize(2);
                assertThat(new HashSet<>(names)).hasSize(2);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theQueueFollowsThePreferredOrderAndSkipsWhatIsNoLongerOpen(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 6);
            Viewer alice = f.reviewer("alice");
            // a stale order: a record alice already decided, an id from elsewhere, then 5 before 2
            List<Long> preferred = List.of(f.study(0), 999_999L, f.study(4), f.study(1));
            ScreeningService ranked = new ScreeningService(db, (projectId, stageId, userId) -> {
                assertThat(projectId).isEqualTo(f.project.id());
                assertThat(userId).isEqualTo(alice.userId());
                return preferred;
            });
            f.decide(alice, TA, f.study(0), Verdict.EXCLUDE);
            List<Long> met = new ArrayList<>();
            for (Optional<ScreeningService.Next> n = ranked.next(alice, f.project, TA); n.isPresent();
                 n = ranked.next(alice, f.project, TA)) {
                met.add(n.get().study().id());
                f.decide(alice, TA, n.get().study().id(), Verdict.INCLUDE);
            }
            assertThat(met).containsExactly(f.study(4), f.study(1), f.study(2), f.study(3), f.study(5));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void twoPeopleResolvingOneConflictAtOnceAreSerialised(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            int records = 8;
            ScreeningFixture f = new ScreeningFixture(db, records);
            f.rules(2, true, "all", List.of("any-reviewer"));
            Viewer alice = f.reviewer("alice");
            Viewer bob = f.reviewer("bob");
            Viewer carol = f.reviewer("carol");
            Viewer dave = f.reviewer("dave");
            for (int i = 0; i < records; i++) {
                f.decide(alice, TA, f.study(i), Verdict.INCLUDE);
                f.decide(bob, TA, f.study(i), Verdict.EXCLUDE, "wrong population");
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < records; i++) {
                    long study = f.study(i);
                    CountDownLatch start = new CountDownLatch(1);
                    Future<String> byCarol = pool.submit(() -> resolveAfter(start, f, carol, study, Verdict.INCLUDE));
                    Future<String> byDave = pool.submit(() -> resolveAfter(start, f, dave, study, Verdict.EXCLUDE));
                    start.countDown();
                    List<String> answers = List.of(byCarol.get(), byDave.get());
                    // exactly one resolution stored; the other person is told it is settled
                    assertThat(answers).filteredOn("resolved"::equals).hasSize(1);
                    assertThat(answers).filteredOn(a -> a.contains("is not in conflict")).hasSize(1);
                    long stored = db.withHandle(h -> h.createQuery(
                            "select count(*) from resolution where study_id = :t").bind("t", study)
                            .mapTo(Long.class).one());
                    assertThat(stored).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String resolveAfter(CountDownLatch start, ScreeningFixture f, Viewer who, long study, Verdict v)
            throws InterruptedException {
        start.await();
        try {
            f.screening.resolve(who, f.project, TA, study, v, "third-reviewer",
                    v == Verdict.EXCLUDE ? List.of("wrong population") : List.of(), null);
            return "resolved";
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theSameDecisionPostedTwiceAtOnceIsStoredOnce(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            int records = 10;
            ScreeningFixture f = new ScreeningFixture(db, records);
            Viewer alice = f.reviewer("alice");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < records; i++) {
                    long study = f.study(i);
                    ScreeningService.Input input = new ScreeningService.Input(Verdict.INCLUDE, List.of(), null, null,
                            4, "key-" + i);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Decision>> posts = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        posts.add(pool.submit(() -> {
                            start.await();
                            return f.screening.decideAndNext(alice, f.project, TA, study, input).decision();
                        }));
                    }
                    start.countDown();
                    // both posts are answered with the one decision stored
                    assertThat(posts.get(0).get().id()).isEqualTo(posts.get(1).get().id());
                }
                long stored = db.withHandle(h -> h.createQuery("select count(*) from decision").mapTo(Long.class).one());
                assertThat(stored).isEqualTo(records);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aPoolRecordGoesToExactlyOneReviewerUnderConcurrentRequests(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            int records = 30;
            ScreeningFixture f = new ScreeningFixture(db, records);
            f.rules(1, true, "pool", List.of("any-reviewer"));
            List<Viewer> team = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                team.add(f.reviewer("r" + i));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(team.size());
            List<Future<List<Long>>> results = new ArrayList<>();
            for (Viewer v : team) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    while (true) {
                        Optional<ScreeningService.Next> next = f.screening.next(v, f.project, TA);
                        if (next.isEmpty()) {
                            return mine;
                        }
                        mine.add(next.get().study().id());
                        f.decide(v, TA, next.get().study().id(), Verdict.INCLUDE);
                    }
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get());
            }
            pool.shutdown();
            assertThat(all).hasSize(records).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(f.studies);
            // every reservation was spent by its decision
            assertThat(db.<Long>withHandle(h -> h.createQuery("select count(*) from assignment").mapTo(Long.class).one()))
                    .isZero();
            assertThat(f.screening.outcomes(Viewer.overseer("t"), f.project, TA).counts()).containsEntry("included",
                    (long) records);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void pilotRoundsAreScreenedByAllAndKeptWithTheirAgreement(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 40);
            Viewer alice = f.reviewer("alice");
            Viewer bob = f.reviewer("bob");
            ScreeningService.PilotResult round = f.screening.startPilot(alice, f.project, TA, 10, 0.75, 7);
            assertThat(round.sample()).hasSize(10).doesNotHaveDuplicates();
            assertThatThrownBy(() -> f.screening.startPilot(alice, f.project, TA, 10, 0.75, 8))
                    .hasMessageContaining("still open");
            int k = 0;
            for (long id : round.sample()) {
                ScreeningService.Next na = f.screening.next(alice, f.project, TA).orElseThrow();
                ScreeningService.Next nb = f.screening.next(bob, f.project, TA).orElseThrow();
                assertThat(na.pilotRound()).isEqualTo(round.id());
                assertThat(na.study().id()).isEqualTo(id);
                assertThat(nb.study().id()).isEqualTo(id);
                f.decide(alice, TA, id, Verdict.EXCLUDE);
                f.decide(bob, TA, id, k++ < 6 ? Verdict.EXCLUDE : Verdict.INCLUDE); // 6 of 10 agree
            }
            ScreeningService.PilotResult closed = f.screening.closePilot(alice, f.project, TA);
            assertThat(closed.agreement().overall().percent()).isEqualTo(0.6);
            assertThat(closed.targetMet()).isFalse();
            // pilot decisions are calibration only: the records still await normal screening
            assertThat(f.screening.outcome(Viewer.overseer("t"), f.project, TA, round.sample().get(0)).status())
                    .isEqualTo(Outcome.Status.PENDING);
            ScreeningService.PilotResult second = f.screening.startPilot(alice, f.project, TA, 10, 0.75, 7);
            assertThat(second.number()).isEqualTo(2);
            assertThat(second.sample()).doesNotContainAnyElementsOf(round.sample());
            assertThat(f.screening.pilotRounds(bob, f.project, TA)).extracting(ScreeningService.PilotResult::closed)
                    .containsExactly(true, false);
        }
    }
}
