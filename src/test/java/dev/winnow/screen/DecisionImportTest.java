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
                    parsed(4, Record.builder().title("Not a study of this project").year(2005).build()));
            DecisionImportService.Report ta = imports.importIncluded(f.project, TA, "lead", "screened.ris", passedTa, true);
            assertThat(ta.matched()).isEqualTo(3);
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

    private static ParsedRecord parsed(int position, Record r) {
        return new ParsedRecord(r, position, position, null);
    }
}
