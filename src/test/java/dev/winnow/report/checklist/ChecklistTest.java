package dev.winnow.report.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.report.ReportFixture;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PRISMA-ScR and PRISMA-S items pre-filled from a project. */
class ChecklistTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void itemsAreFilledFromTheProjectAndTheRestPointsWhereToWrite(TestDb kind) {
        try (Database db = kind.fresh()) {
            ReportFixture.Built b = ReportFixture.build(db, "fixture");
            ChecklistService service = new ChecklistService(db);
            ChecklistFacts facts = service.facts(b.project());
            List<ChecklistItem> scr = Checklists.scopingReview(facts);
            List<ChecklistItem> s = Checklists.searchReporting(facts);

            assertThat(scr).hasSize(22);
            assertThat(scr).extracting(ChecklistItem::id).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9",
                    "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22");
            assertThat(item(scr, "4").answer()).contains("Question: What models of early palliative care")
                    .contains("Population: Adults (18+) with cancer");
            assertThat(item(scr, "6").answer()).contains("Inclusion: An explicit model of early palliative care; "
                    + "Professionals from both primary care and oncology").contains("Exclusion: Wrong population");
            assertThat(item(scr, "7").answer()).contains("MEDLINE (Ovid), searched 2023-04-20")
                    .contains("Reference lists [citation searching], searched 2023-05-02")
                    .contains("Most recent search: 2023-05-02");
            assertThat(item(scr, "8").answer()).contains("exp Neoplasms/ AND exp Palliative Care/");
            // title/abstract: study 0..5 decided by both reviewers; they agree on 5 of 6 (study 4 is the conflict)
            assertThat(item(scr, "9").answer()).contains("Title/abstract screening: 2 reviewers per record, "
                    + "independently").contains("agreement 83.3% on 6 records").contains("resolved: consensus 1, "
                    + "stopping-rule 1").contains("1 records were excluded unscreened by a stopping rule");
            assertThat(item(scr, "10").answer()).contains("Form \"Model characteristics\" version 1: 2 reviewer "
                    + "entries by 2 people");
            assertThat(item(scr, "11").answer()).isEqualTo("Model characteristics: Country, Active components.");
            assertThat(item(scr, "14").answer()).contains("9 records from databases and registers and 1 from other "
                    + "methods").contains("2 duplicates removed").contains("7 records screened, 4 excluded")
                    .contains("Wrong population: 1").contains("1 studies (2 reports) included");
            assertThat(item(scr, "14").status()).isEqualTo(ChecklistItem.Status.PARTLY);
            assertThat(item(scr, "3").status()).isEqualTo(ChecklistItem.Status.TO_WRITE);
            assertThat(item(scr, "3").todo()).isEqualTo("Introduction.");

            assertThat(item(s, "S1").answer()).isEqualTo("MEDLINE via Ovid; CINAHL via EBSCO");
            assertThat(item(s, "S5").answer()).isEqualTo("Reference lists (1 records, 2023-05-02)");
            assertThat(item(s, "S13").answer()).contains("CINAHL: 2023-04-21");
            assertThat(item(s, "S15").answer()).contains("MEDLINE (n = 5)").contains("10 records in all");
            assertThat(item(s, "S16").answer()).contains("10 records were deduplicated in Winnow")
                    .contains("into 8 study records").contains("doi 2");

            String md = service.markdown(b.project());
            assertThat(md).contains("# Reporting checklists: Early palliative care \\<models\\> & \"GP\" roles")
                    .contains("**8. Search** — filled").contains("```text\nMEDLINE (Ovid), 2023-04-20:\nexp Neoplasms/");
            String html = service.html(b.project());
            assertThat(html).contains("Early palliative care &lt;models&gt; &amp; &quot;GP&quot; roles")
                    .doesNotContain("<models>").contains("<table").contains("(MH &quot;Neoplasms+&quot;)");
        }
    }

    private static ChecklistItem item(List<ChecklistItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
