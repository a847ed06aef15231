package dev.winnow.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importing decisions made elsewhere, on both databases. */
class DecisionImportTest {
    private static final StageName TA = StageName.TITLE_ABSTRACT;
    private static final StageName FT = StageName.FULL_TEXT;
    private static final Viewer OVERSEER = Viewer.overseer("test");

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void importsAReviewersCsvAndListsWhatItCouldNotMatch(TestDb kind, @TempDir Path dir) throws Exception {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 4);
            Path csv = dir.resolve("rayyan.csv");
            Files.writeString(csv, """
                    Title,DOI,Year,Decision,Reason,Notes
                    "Something else",https://doi.org/10.1000/TEST.1,2001,include,,"looks right"
                    "Study number 2 of early palliative care.",,2002,exclude,wrong population,
                    "STUDY NUMBER 3 of early palliative-care",,2004,Excluded,"no model of care; single sector only",
                    "A study nobody imported",10.9999/none,2020,include,,
                    """);
            DecisionImportService.Report r = new DecisionImportService(db).importFile(f.project, TA, "dana", csv, false);
            assertThat(r.rows()).isEqualTo(4);
            assertThat(r.matched()).isEqualTo(3);
            assertThat(r.matchedBy()).containsEntry("doi", 1).containsEntry("title+year", 2);
            assertThat(r.unmatched()).singleElement().satisfies(u -> {
                assertThat(u.line()).isEqualTo(5);
                assertThat(u.record()).contains("10.9999/none");
            });
            Viewer dana = f.reviewer("dana");
            List<Decision> mine = f.screening.myDecisions(dana, f.project, TA);
            assertThat(mine).extracting(Decision::studyId).containsExactly(f.study(0), f.study(1), f.study(2));
            assertThat(mine.get(2).reasons()).containsExactly("no model of care", "single sector only");
            assertThat(mine.get(0).note()).isEqualTo("looks right");
            assertThat(mine).extracting(Decision::origin).containsOnly("import");
            // importing the same file again records nothing new
            new DecisionImportService(db).importFile(f.project, TA, "dana", csv, false);
            assertThat(f.screening.myDecisions(dana, f.project, TA)).hasSize(3);

            Path bad = dir.resolve("bad.csv");
            Files.writeString(bad, "doi,decision\n10.1000/test.1,perhaps\n");
            assertThatThrownBy(() -> new DecisionImportService(db).importFile(f.project, TA, "dana", bad, false))
                    .isInstanceOf(ParseException.class)
                    .hasMessage("bad.csv, line 2: 'perhaps' is not a decision: expected include, exclude or maybe");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anIncludedRecordsFileReplaysAFinishedReviewsOutcome(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 6);
            DecisionImportService imports = new DecisionImportService(db);
            List<ParsedRecord> passedTa = List.of(
                    parsed(1, Record.builder().doi("10.1000/TEST.1").build()),
                    parsed(2, Record.builder().title("Study number 2 of early palliative care").year(2002)
                            .author(Author.of("Author2", "B")).build()),
                    parsed(3, Record.builder().title("Study number 4 of early palliative care").year(2005).build()),
                    parsed(4, Record.builder().title("Not a study of this project").year(2005).build()),
                    parsed(5, Record.builder().doi("10.1000/test.4").build()));
            DecisionImportService.Report ta = imports.importIncluded(f.project, TA, "lead", "screened.ris", passedTa, true);
            assertThat(ta.matched()).isEqualTo(4);
            assertThat(ta.sameStudy()).singleElement().satisfies(u -> {
                assertThat(u.line()).isEqualTo(5);
                assertThat(u.why()).isEqualTo("the same study record (" + f.study(3) + ") as 3");
            });
            assertThat(ta.unmatched()).extracting(DecisionImportService.Unmatched::line).containsExactly(4L);
            assertThat(ta.included()).isEqualTo(3);
            assertThat(ta.othersExcluded()).isEqualTo(3);
            assertThat(f.screening.outcomes(OVERSEER, f.project, TA).counts())
                    .containsEntry("included", 3L).containsEntry("excluded", 3L);

            List<ParsedRecord> finalSet = List.of(parsed(1, Record.builder().doi("10.1000/test.4").build()),
                    parsed(2, Record.builder().doi("10.1000/test.6").build()));
            DecisionImportService.Report ft = imports.importIncluded(f.project, FT, "lead", "final.ris", finalSet, true);
            assertThat(ft.included()).isEqualTo(1);
            assertThat(ft.unmatched()).singleElement().satisfies(u ->
                    assertThat(u.why()).contains("not screened at full-text"));
            ScreeningService.StageOutcomes outcomes = f.screening.outcomes(OVERSEER, f.project, FT);
            assertThat(outcomes.counts()).containsEntry("included", 1L).containsEntry("excluded", 2L);
            assertThat(outcomes.of(f.study(0)).orElseThrow().reasons()).containsExactly(ScreeningService.REASON_NOT_RECORDED);
            assertThat(outcomes.of(f.study(3)).orElseThrow().resolved()).isTrue();
            assertThat(f.screening.prismaCounts(OVERSEER, f.project).studiesIncluded()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aFinalListWithMisDecodedTextAndSeveralAuthorsInOneFieldFindsItsStudies(TestDb kind, @TempDir Path dir)
            throws Exception {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 2);
            List<Long> ids = new java.util.ArrayList<>();
            db.useTransaction(h -> {
                // as the database exports gave them; the second was stored mis-decoded by an import before repairs
                ids.add(dev.winnow.store.StudyStore.insert(h, f.project.id(), Record.builder()
                        .title("Women’s access to maternity care in Nepal’s hill districts").year(2018)
                        .author(Author.of("Agrawal", "Anjali")).author(Author.of("Gupta", "Kiran")).build()).id());
                ids.add(dev.winnow.store.StudyStore.insert(h, f.project.id(), Record.builder()
                        .title("MÃ¼llerâ€™s criteria in a SÃ£o Paulo cohort").year(2017)
                        .author(Author.of("MÃ¼ller", "Jürgen")).build()).id());
                // the same title in another year, by another author: only the first author tells them apart
                ids.add(dev.winnow.store.StudyStore.insert(h, f.project.id(), Record.builder()
                        .title("Women’s access to maternity care in Nepal’s hill districts").year(2019)
                        .author(Author.of("Thapa", "Sunita")).build()).id());
            });
            // a reference manager's "final" file: Mac Roman mojibake of Windows-1252 mojibake, two authors in one AU
            Path finalList = dir.resolve("final.ris");
            Files.writeString(finalList, """
                    TY  - JOUR
                    TI  - Women√¢‚Ç¨‚Ñ¢s access to maternity care in Nepal√¢‚Ç¨‚Ñ¢s hill districts
                    AU  - Agrawal A, Gupta K.
                    PY  - 2019
                    ER  -\s

                    TY  - JOUR
                    TI  - Müller’s criteria in a São Paulo cohort
                    AU  - Müller, J.
                    PY  - 2017
                    ER  -\s
                    """, java.nio.charset.StandardCharsets.UTF_8);
            DecisionImportService.Report r = new DecisionImportService(db).importFile(f.project, TA, "lead", finalList, true);
            assertThat(r.rows()).isEqualTo(2);
            assertThat(r.unmatched()).isEmpty();
            // 2019 is the year either side of the first study's 2018: only the first author (Agrawal, split out) tells
            assertThat(r.matchedBy()).containsEntry("title+year+author", 2);
            ScreeningService.StageOutcomes outcomes = f.screening.outcomes(OVERSEER, f.project, TA);
            assertThat(outcomes.of(ids.get(0)).orElseThrow().status()).isEqualTo(Outcome.Status.INCLUDED);
            assertThat(outcomes.of(ids.get(1)).orElseThrow().status()).isEqualTo(Outcome.Status.INCLUDED);
            assertThat(outcomes.of(ids.get(2)).orElseThrow().status()).isEqualTo(Outcome.Status.EXCLUDED);
        }
    }

    private static ParsedRecord parsed(int position, Record r) {
        return new ParsedRecord(r, position, position, null);
    }
}
