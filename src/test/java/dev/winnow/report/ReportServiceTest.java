package dev.winnow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.report.flow.Count;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.screen.Verdict;
import dev.winnow.store.Database;
import dev.winnow.store.DecisionStore;
import dev.winnow.store.Json;
import dev.winnow.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The flow computed from a project's rows, on SQLite and PostgreSQL. */
class ReportServiceTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theFlowIsCountedFromTheProjectsRows(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            ReportFixture.Built b = ReportFixture.build(db, "fixture");
            ReportService service = new ReportService(db);
            FlowDiagram d = service.flow(b.project());

            assertThat(d.violations()).isEmpty();
            assertThat(d.databases()).containsExactly(new Count("MEDLINE (Ovid)", 5), new Count("CINAHL (EBSCO)", 4));
            assertThat(d.duplicates()).isEqualTo(2);
            assertThat(d.recordsScreened()).isEqualTo(7);
            assertThat(d.recordsExcluded()).isEqualTo(4);
            assertThat(d.recordsExcludedByStoppingRule()).isEqualTo(1);
            assertThat(d.dbrSoughtReports()).isEqualTo(3);
            assertThat(d.dbrNotRetrievedReports()).isEqualTo(1);
            assertThat(d.dbrAssessed()).isEqualTo(2);
            assertThat(d.dbrExcluded()).containsExactly(new Count("Wrong population", 1));
            assertThat(d.citationsResults()).isEqualTo(1);
            assertThat(d.otherSoughtReports()).isEqualTo(1);
            assertThat(d.otherAssessed()).isEqualTo(1);
            assertThat(d.newReports()).isEqualTo(2);
            assertThat(d.newStudies()).isEqualTo(1);

            JsonNode json = Json.MAPPER.readTree(new String(service.prisma(b.project(), ReportService.Format.JSON),
                    StandardCharsets.UTF_8));
            assertThat(json.get("records_screened").asLong()).isEqualTo(7);
            assertThat(json.get("dbr_excluded").asText()).isEqualTo("Wrong population, 1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anOpenConflictStopsTheDiagramWithAReason(TestDb kind) {
        try (Database db = kind.fresh()) {
            ReportFixture.Built b = ReportFixture.build(db, "fixture");
            // ben changes his mind on study 5: the two reviewers now disagree and nobody has resolved it
            db.useTransaction(h -> DecisionStore.append(h, new DecisionStore.NewDecision(b.taStage(),
                    b.studies().get(5), b.ben(), Verdict.INCLUDE, List.of(), Map.of(), null, 5, "screen", null, null)));
            assertThatThrownBy(() -> new ReportService(db).prisma(b.project(), ReportService.Format.SVG))
                    .isInstanceOf(FlowNotBalanced.class)
                    .hasMessageContaining("6 ≠ 9 − 2 = 7")
                    .hasMessageContaining("1 records wait for more decisions or a resolution of a conflict");
        }
    }
}
