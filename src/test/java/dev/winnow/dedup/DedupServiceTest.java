package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.store.DedupStore;
import dev.winnow.store.StageStore;
import dev.winnow.store.UserStore;
import dev.winnow.testing.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Project-level deduplication on SQLite and PostgreSQL. */
class DedupServiceTest {
    static final ImportService.Actor ANA = new ImportService.Actor(null, "cli:ana");

    @TempDir
    Path dir;

    static String ris(String title, String authors, int year, String doi, String pages) {
        StringBuilder sb = new StringBuilder("TY  - JOUR\n");
        sb.append("TI  - ").append(title).append('\n');
        for (String a : authors.split(";")) {
            sb.append("AU  - ").append(a.trim()).append('\n');
        }
        sb.append("PY  - ").append(year).append('\n').append("JO  - Palliative Medicine\nVL  - 12\n")
                .append("SP  - ").append(pages).append('\n').append("DO  - ").append(doi).append("\nER  - \n\n");
        return sb.toString();
    }

    static final String TRIAL = ris("Early palliative care in general practice: a randomised controlled trial",
            "Smith, John; Lee, Kim; Patel, Ravi", 2020, "10.1000/trial", "100-110");
    static final String REVIEW = ris("Shared care models between oncology and primary care: a scoping review",
            "Brown, Alice; Green, Bob", 2019, "10.1000/review", "200-215");
    static final String NURSE = ris("Nurse-led telephone follow-up after chemotherapy for lung cancer patients",
            "White, Carol; Black, David", 2018, "10.1000/nurse", "300-309");
    /** Same title, authors and year as NURSE but another DOI: a guard stops the merge, a person decides. */
    static final String NURSE_OTHER_DOI = ris("Nurse-led telephone follow-up after chemotherapy for lung cancer patients",
            "White, Carol; Black, David", 2018, "10.1000/nurse-2", "300-309");
    static final String UNIQUE = ris("Advance care planning conversations in rural hospices",
            "Young, Erin; Old, Frank", 2021, "10.1000/acp", "400-412");

    Path write(String name, String... records) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("", records));
        return p;
    }

    static Project project(Database db) {
        return new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
    }

    void importFile(Database db, Project p, String source, Path file) {
        // the records only: these tests run the deduplication themselves (imports run it too, see ImportServiceTest)
        new ImportService(db).importFile(p, SourceSpec.database(source), file,
                ImportService.Options.DEFAULT.withoutDedup(), ANA);
    }

    /** MEDLINE: trial, review, nurse; Embase: trial again, nurse with another DOI, a unique record. */
    Project twoExports(Database db) throws IOException {
        Project p = project(db);
        importFile(db, p, "MEDLINE", write("medline.ris", TRIAL, REVIEW, NURSE));
        importFile(db, p, "Embase", write("embase.ris", TRIAL, NURSE_OTHER_DOI, UNIQUE));
        return p;
    }

    static long count(Database db, String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Study id per source record, keyed by "source#position". */
    static Map<String, Long> studies(Database db) {
        return db.withHandle(h -> h.createQuery("select s.name || '#' || r.position, l.study_id from study_link l "
                        + "join source_record r on r.id = l.source_record_id join source s on s.id = r.source_id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    static long recordId(Database db, String source, int position) {
        return db.withHandle(h -> h.createQuery("select r.id from source_record r join source s on s.id = r.source_id "
                        + "where s.name = :s and r.position = :p").bind("s", source).bind("p", position)
                .mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void firstRunLinksDuplicatesQueuesMaybesAndCountsOverlap(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            DedupService.Summary s = new DedupService(db).run(p, ANA);

            assertThat(s.records()).isEqualTo(6);
            assertThat(s.studies()).isEqualTo(5);
            assertThat(s.duplicates()).isEqualTo(1);
            assertThat(s.newLinks()).isEqualTo(6);
            assertThat(s.maybesQueued()).isEqualTo(1);
            assertThat(s.overlap()).containsExactly(new DedupStore.Overlap("Embase", "MEDLINE", 1));
            Map<String, Long> st = studies(db);
            assertThat(st.get("MEDLINE#1")).isEqualTo(st.get("Embase#1"));
            assertThat(st.get("MEDLINE#3")).isNotEqualTo(st.get("Embase#2"));
            assertThat(count(db, "select count(*) from study_link where rule = 'same-doi' and evidence like '%title%'"))
                    .isEqualTo(1);
            assertThat(count(db, "select count(*) from study_link where rule = '" + DedupService.FIRST_RECORD + "'"))
                    .isEqualTo(5);
            List<DedupService.OpenPair> open = new DedupService(db).openPairs(p);
            assertThat(open).hasSize(1);
            assertThat(open.get(0).a().record().title()).isEqualTo(open.get(0).b().record().title());
            assertThat(count(db, "select count(*) from audit_event where action = 'dedup.run'")).isEqualTo(1);

            DedupService.Summary again = new DedupService(db).run(p, ANA);
            assertThat(again.newLinks()).isZero();
            assertThat(again.maybesQueued()).isZero();
            assertThat(again.studies()).isEqualTo(5);
            assertThat(studies(db)).isEqualTo(st);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aLaterImportJoinsAnExistingStudyAndKeepsItsId(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            DedupService service = new DedupService(db);
            service.run(p, ANA);
            Map<String, Long> before = studies(db);
            // the CINAHL copy of the review has an abstract the study gains
            String reviewWithAbstract = REVIEW.replace("ER  - ", "AB  - Shared care between oncologists and general "
                    + "practitioners was mapped across forty studies.\nER  - ");
            importFile(db, p, "CINAHL", write("cinahl.ris", reviewWithAbstract));
            DedupService.Summary s = service.run(p, ANA);

            assertThat(s.newLinks()).isEqualTo(1);
            assertThat(s.newStudies()).isZero();
            assertThat(s.updatedStudies()).isEqualTo(1);
            assertThat(s.studies()).isEqualTo(5);
            Map<String, Long> after = studies(db);
            assertThat(after).containsAllEntriesOf(before);
            long review = before.get("MEDLINE#2");
            assertThat(after.get("CINAHL#1")).isEqualTo(review);
            assertThat(db.withHandle(h -> dev.winnow.store.StudyStore.find(h, review)).orElseThrow().record().abstractText())
                    .contains("forty studies");
            assertThat(s.overlap()).contains(new DedupStore.Overlap("CINAHL", "MEDLINE", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void unlinkMovesARecordToAStudyOfItsOwnButNeverTheLastOne(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            DedupService service = new DedupService(db);
            service.run(p, ANA);
            long embaseTrial = recordId(db, "Embase", 1);
            long old = studies(db).get("Embase#1");
            long fresh = service.unlink(p, embaseTrial, ANA);

            assertThat(fresh).isNotEqualTo(old);
            assertThat(studies(db).get("Embase#1")).isEqualTo(fresh);
            assertThat(studies(db).get("MEDLINE#1")).isEqualTo(old);
            assertThat(count(db, "select count(*) from study")).isEqualTo(6);
            assertThat(count(db, "select count(*) from study_link where rule = 'manual:unlink'")).isEqualTo(1);
            assertThatThrownBy(() -> service.unlink(p, embaseTrial, ANA)).isInstanceOf(UserError.class)
                    .hasMessageContaining("only record");
            // a later run does not put it back
            service.run(p, ANA);
            assertThat(studies(db).get("Embase#1")).isEqualTo(fresh);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void mergeJoinsTheStudiesOfAMaybePairAndKeepsTheOneWithDecisions(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            DedupService service = new DedupService(db);
            service.run(p, ANA);
            long pair = service.openPairs(p).get(0).pair().id();
            long medlineNurse = studies(db).get("MEDLINE#3");
            long embaseNurse = studies(db).get("Embase#2");
            long decided = Math.max(medlineNurse, embaseNurse);
            decide(db, p, decided);

            long kept = service.merge(p, pair, ANA);
            assertThat(kept).isEqualTo(decided);
            assertThat(studies(db).get("MEDLINE#3")).isEqualTo(kept);
            assertThat(studies(db).get("Embase#2")).isEqualTo(kept);
            assertThat(count(db, "select count(*) from study")).isEqualTo(4);
            assertThat(count(db, "select count(*) from dedup_pair where status = 'merged'")).isEqualTo(1);
            assertThat(service.openPairs(p)).isEmpty();
            assertThatThrownBy(() -> service.merge(p, pair, ANA)).isInstanceOf(UserError.class)
                    .hasMessageContaining("not an open maybe pair");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void mergeIsRefusedWhenBothStudiesHaveDecisionsAndKeepApartClosesThePair(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            DedupService service = new DedupService(db);
            service.run(p, ANA);
            long pair = service.openPairs(p).get(0).pair().id();
            decide(db, p, studies(db).get("MEDLINE#3"));
            decide(db, p, studies(db).get("Embase#2"));
            Map<String, Long> before = studies(db);

            assertThatThrownBy(() -> service.merge(p, pair, ANA)).isInstanceOf(UserError.class)
                    .hasMessageContaining("both study");
            assertThat(studies(db)).isEqualTo(before);

            service.keepApart(p, pair, ANA);
            assertThat(service.openPairs(p)).isEmpty();
            assertThat(count(db, "select count(*) from dedup_pair where status = 'kept-apart'")).isEqualTo(1);
            service.run(p, ANA);
            assertThat(service.openPairs(p)).isEmpty();
            assertThat(studies(db)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void undoingAMergeRestoresTheAbsorbedRecordAndReopensThePair(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            DedupService service = new DedupService(db);
            service.run(p, ANA);
            long pair = service.openPairs(p).get(0).pair().id();
            assertThatThrownBy(() -> service.undoMerge(p, pair, ANA)).isInstanceOf(UserError.class)
                    .hasMessageContaining("was not merged");
            long kept = service.merge(p, pair, ANA);
            assertThat(service.mergedPairs(p)).extracting(m -> m.pair().id()).containsExactly(pair);
            assertThat(service.mergedPairs(p).get(0).study()).isEqualTo(kept);

            long restored = service.undoMerge(p, pair, ANA);
            Map<String, Long> after = studies(db);
            assertThat(restored).isNotEqualTo(kept);
            assertThat(List.of(after.get("MEDLINE#3"), after.get("Embase#2"))).containsExactlyInAnyOrder(kept, restored);
            assertThat(count(db, "select count(*) from study")).isEqualTo(5);
            assertThat(service.mergedPairs(p)).isEmpty();
            assertThat(service.openPairs(p)).extracting(o -> o.pair().id()).containsExactly(pair);
            assertThat(count(db, "select count(*) from audit_event where action = 'dedup.undo-merge'")).isEqualTo(1);
            assertThatThrownBy(() -> service.undoMerge(p, pair, ANA)).isInstanceOf(UserError.class);
            // decided again: merging works as the first time
            assertThat(service.merge(p, pair, ANA)).isIn(kept, restored);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aFailingRunLeavesNothingBehind(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = twoExports(db);
            // the pairs are written last: make that fail
            db.useTransaction(h -> {
                if (kind == TestDb.SQLITE) {
                    h.execute("create trigger no_pairs before insert on dedup_pair begin select raise(abort, 'no pairs'); end");
                } else {
                    h.execute("create function no_pairs() returns trigger language plpgsql as "
                            + "$$ begin raise exception 'no pairs'; end $$");
                    h.execute("create trigger no_pairs before insert on dedup_pair for each row execute function no_pairs()");
                }
            });
            assertThatThrownBy(() -> new DedupService(db).run(p, ANA)).hasStackTraceContaining("no pairs");
            assertThat(count(db, "select count(*) from study")).isZero();
            assertThat(count(db, "select count(*) from study_link")).isZero();
            assertThat(count(db, "select count(*) from audit_event where action = 'dedup.run'")).isZero();
        }
    }

    /** One include decision on a study at title/abstract. */
    static void decide(Database db, Project p, long study) {
        db.useTransaction(h -> {
            long stage = StageStore.ensure(h, p.id(), "title-abstract").id();
            long user = UserStore.ensure(h, "rev" + study).id();
            h.createUpdate("insert into decision (stage_id, study_id, user_id, verdict, decided_at) "
                    + "values (:s, :st, :u, 'include', '2026-11-25T00:00:00Z')")
                    .bind("s", stage).bind("st", study).bind("u", user).execute();
        });
    }
}
