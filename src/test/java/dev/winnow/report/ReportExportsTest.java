package dev.winnow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Included studies and excluded full texts, from the fixture project. */
class ReportExportsTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void includedStudiesAndExcludedFullTextsAreListed(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            ReportFixture.Built b = ReportFixture.build(db, "fixture");
            ReportExports exports = new ReportExports(db);

            assertThat(exports.includedRecords(b.project())).extracting(Record::title)
                    .containsExactly("Study 0 of early palliative care", "Study 7 of early palliative care");
            String ris = new String(exports.included(b.project(), "ris"), StandardCharsets.UTF_8);
            assertThat(ris).contains("Study 0 of early palliative care").contains("10.1000/fixture.7");
            assertThat(ris.split("ER  -", -1)).hasSize(3);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exports.included(b.project(), "xlsx")))) {
                assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            }

            assertThat(exports.excluded(b.project())).singleElement().satisfies(r -> {
                assertThat(r.title()).isEqualTo("Study 1 of early palliative care");
                assertThat(r.reasons()).containsExactly("Wrong population", "Not a care model");
            });
            String csv = new String(exports.excludedTable(b.project(), "csv"), StandardCharsets.UTF_8);
            assertThat(csv.lines().toList()).containsExactly("study_id,authors,year,title,doi,reason,other_reasons",
                    b.studies().get(1) + ",Jensen,2016,Study 1 of early palliative care,10.1000/fixture.1,"
                            + "Wrong population,Not a care model");
            assertThat(new String(exports.excludedTable(b.project(), "md"), StandardCharsets.UTF_8))
                    .contains("| Jensen (2016) Study 1 of early palliative care doi:10.1000/fixture.1 | "
                            + "Wrong population; Not a care model |");
        }
    }

    @Test
    void theMarkdownTableShowsImportedTextAsTypedNeverAsMarkupOrExtraCells() {
        var hostile = new ReportExports.ExcludedReport(1, "O'Brien_x", 2020,
                "[click](javascript:alert(1)) <img src=x onerror=alert(1)> *bold* | cell\r\n# heading",
                "10.1/x", List.of("Wrong `setting`"));

        String md = ReportExports.markdown(List.of(hostile));

        assertThat(md.lines().toList()).containsExactly("| Study | Reason for exclusion |", "|---|---|",
                "| O'Brien\\_x (2020) \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> "
                        + "\\*bold\\* \\| cell \\# heading doi:10.1/x | Wrong \\`setting\\` |");
    }
}
