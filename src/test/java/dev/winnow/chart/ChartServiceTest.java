package dev.winnow.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Charting on SQLite and PostgreSQL: versions, dual charting, consensus, required fields, exports. */
class ChartServiceTest {
    static final String FORM_V1 = """
            name: Care models
            sections:
              - title: Study
                fields:
                  - {key: author, label: Author, type: text, required: true}
                  - {key: country, label: Country, type: country}
              - title: Model
                fields:
                  - key: components
                    label: Components
                    type: group
                    fields:
                      - {key: name, label: Component, type: text, required: true}
                      - {key: category, label: Category, type: single-choice, options: [Coordination, Education, Planning]}
            """;
    static final String FORM_V2 = FORM_V1 + """
                  - {key: timing, label: Timing, type: single-choice, options: [Early, Late]}
            """;

    record Fixture(Database db, Project p, long s1, long s2, ChartService chart) {
    }

    static Fixture fixture(Database db) {
        Project p = new ProjectService(db).create("Charting test", ProjectKind.SCOPING, null);
        long[] ids = db.inTransaction(h -> new long[] {
                StudyStore.insert(h, p.id(), Record.builder().title("One").author(Author.of("Smith", "J")).year(2019).build()).id(),
                StudyStore.insert(h, p.id(), Record.builder().title("Two").author(Author.of("Lee", "K")).year(2021).build()).id()});
        return new Fixture(db, p, ids[0], ids[1], new ChartService(db));
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void entriesKeepTheirFormVersionAndOldEntriesStillRender(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            assertThat(f.chart().importForm(f.p(), FORM_V1, "form.yaml", null).version()).isEqualTo(1);
            assertThat(f.chart().importForm(f.p(), FORM_V1, "form.yaml", null).version()).isEqualTo(1);
            ChartEntry old = f.chart().saveEntry(f.p(), f.s1(), "ana", Map.of("author", "Smith", "country", "NL"), Map.of());
            assertThat(f.chart().importForm(f.p(), FORM_V2, "form.yaml", null).version()).isEqualTo(2);
            ChartEntry fresh = f.chart().saveEntry(f.p(), f.s2(), "ana", Map.of("author", "Lee", "timing", "early"), Map.of());

            assertThat(old.formVersion()).isEqualTo(1);
            assertThat(fresh.formVersion()).isEqualTo(2);
            ChartEntry reloaded = f.chart().latest(f.p()).stream().filter(e -> e.id() == old.id()).findFirst().orElseThrow();
            assertThat(reloaded.formVersion()).isEqualTo(1);
            assertThat(reloaded.answers()).containsEntry("country", "Netherlands");
            ChartingForm oldForm = f.chart().formOf(f.p(), reloaded);
            assertThat(oldForm.fieldsByKey()).doesNotContainKey("timing");
            assertThat(EntryCheck.check(oldForm, reloaded.answers()).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void dualChartingDifferencesAndConsensus(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            f.chart().importForm(f.p(), FORM_V1, "form.yaml", null);
            f.chart().saveEntry(f.p(), f.s1(), "ana", Map.of("author", "Smith", "components", List.of(
                    Map.of("name", "Case conference", "category", "Coordination"),
                    Map.of("name", "GP training", "category", "Education"))),
                    Map.of("components[Case conference]", new Location(4, "monthly case conferences")));
            // blind while charting: ben does not see ana's entry before saving his own
            assertThat(f.chart().entries(f.p(), f.s1(), "ben")).isEmpty();
            f.chart().saveEntry(f.p(), f.s1(), "ben", Map.of("author", "Smith", "components", List.of(
                    Map.of("name", "case conference", "category", "Planning"))), Map.of());
            assertThat(f.chart().entries(f.p(), f.s1(), "ben")).extracting(ChartEntry::reviewer)
                    .containsExactlyInAnyOrder("ana", "ben");
            assertThat(f.chart().entries(f.p(), f.s1(), "ana").stream().filter(e -> e.reviewer().equals("ana"))
                    .findFirst().orElseThrow().locations()).containsEntry("components[Case conference]",
                    new Location(4, "monthly case conferences"));

            List<Difference> diffs = f.chart().differences(f.p(), f.s1());
            assertThat(diffs).extracting(Difference::path)
                    .containsExactly("components[Case conference].category", "components[GP training]");

            assertThat(f.chart().finalEntries(f.p())).isEmpty();
            // nobody records a consensus alone, for someone else, or in the name of someone who did not chart
            Map<String, Object> some = Map.of("author", "Smith");
            assertThatThrownBy(() -> f.chart().saveConsensus(f.p(), f.s1(), "ana", List.of("ana"), some, Map.of()))
                    .hasMessageContaining("needs the agreement of the other charter");
            assertThatThrownBy(() -> f.chart().saveConsensus(f.p(), f.s1(), "ana", List.of("ben", "cat"), some, Map.of()))
                    .hasMessageContaining("recorded by one of the people who agreed it");
            assertThatThrownBy(() -> f.chart().saveConsensus(f.p(), f.s1(), "ana", List.of("ana", "zoe"), some, Map.of()))
                    .hasMessageContaining("zoe did not chart study");
            assertThat(f.chart().finalEntries(f.p())).isEmpty();
            ChartEntry agreed = f.chart().saveConsensus(f.p(), f.s1(), "ana", List.of("ana", "ben"), Map.of("author", "Smith",
                    "components", List.of(Map.of("name", "Case conference", "category", "Coordination"))), Map.of());
            assertThat(agreed.agreedBy()).containsExactly("ana", "ben");
            assertThat(f.chart().finalEntries(f.p())).containsOnlyKeys(f.s1());

            var table = f.chart().evidenceTable(f.p());
            assertThat(table.rows()).hasSize(1);
            assertThat(table.rows().get(0).get(0)).startsWith("Smith 2019");
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            TableFiles.xlsx(table, "Evidence table", xlsx);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                Sheet s = wb.getSheet("Evidence table");
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("source");
                assertThat(s.getRow(1).getCell(table.header().indexOf("Components: Category")).getStringCellValue())
                        .isEqualTo("Coordination");
                assertThat(s.getLastRowNum()).isEqualTo(1);
            }
            EvidenceMap map = f.chart().evidenceMap(f.p(), "components.category");
            assertThat(map.counts()[0][map.categories().indexOf("Coordination")]).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void requiredFieldsAndBadValuesAreRefusedWithClearErrors(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            assertThatThrownBy(() -> f.chart().saveEntry(f.p(), f.s1(), "ana", Map.of("author", "x"), Map.of()))
                    .isInstanceOf(UserError.class).hasMessageContaining("has no charting form yet");
            f.chart().importForm(f.p(), FORM_V1, "form.yaml", null);
            assertThatThrownBy(() -> f.chart().saveEntry(f.p(), f.s1(), "ana", Map.of("country", "Mars",
                    "components", List.of(Map.of("category", "Coordination"))), Map.of()))
                    .isInstanceOf(UserError.class)
                    .hasMessageContaining("author: required (Author)")
                    .hasMessageContaining("'Mars' is not a country")
                    .hasMessageContaining("components[1].name: required (Component)");
            assertThatThrownBy(() -> f.chart().saveEntry(f.p(), 999_999, "ana", Map.of("author", "x"), Map.of()))
                    .hasMessageContaining("has no study 999999");
            assertThat(f.chart().latest(f.p())).isEmpty();
            assertThatThrownBy(() -> f.chart().saveConsensus(f.p(), f.s1(), "ana", List.of(), Map.of("author", "x"), Map.of()))
                    .hasMessageContaining("needs the people who agreed it");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void singleChartingWithVerification(TestDb kind) {
        try (Database db = kind.fresh()) {
            Fixture f = fixture(db);
            f.chart().importForm(f.p(), FORM_V1.replace("name: Care models", "name: Care models\nprocess: single-with-verification"),
                    "form.yaml", null);
            assertThat(f.chart().requireForm(f.p()).form().process()).isEqualTo(ChartingProcess.SINGLE_WITH_VERIFICATION);
            f.chart().saveEntry(f.p(), f.s2(), "ana", Map.of("author", "Lee"), Map.of());
            f.chart().saveVerification(f.p(), f.s2(), "ben", Map.of("author", "Lee K"), Map.of());
            assertThat(f.chart().finalEntries(f.p()).get(f.s2()).answers()).containsEntry("author", "Lee K");
        }
    }
}
