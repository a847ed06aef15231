package dev.winnow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.report.flow.FlowCalculator;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.report.ReportService;
import dev.winnow.store.Database;
import dev.winnow.testing.SharedData;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo on the real CiteSource chain and on the built-in sample (SQLite). */
class DemoServiceTest {

    @Test
    void theCiteSourceChainIsImportedAsSixSourcesIdempotently(@TempDir Path out) throws Exception {
        Path chain = DemoService.citeSourceChain(SharedData.require("citesource/vignettes/new_stage_data").getParent()
                .getParent().getParent());
        assertThat(chain).isNotNull();
        try (Database db = TestDb.SQLITE.fresh()) {
            DemoService.Result first = new DemoService(db).run(chain, out);
            assertThat(first.steps()).filteredOn(s -> s.startsWith("imported ")).hasSize(6);

            FlowDiagram flow = db.withHandle(h -> FlowCalculator.compute(ReportService.facts(h, first.project().id())));
            long fileCounts = db.withHandle(h -> h.createQuery("select sum(record_count) from import_file "
                    + "where project_id = :p").bind("p", first.project().id()).mapTo(Long.class).one());
            assertThat(flow.databases()).hasSize(6);
            assertThat(flow.identifiedDatabaseRecords()).isEqualTo(fileCounts);
            // each file holds about as many records as its name says (246 + 3 + 100 + 343 + 84 + 278 = 1054)
            assertThat(fileCounts).isBetween(1050L, 1054L);

            assertThat(first.missing()).as("what the demo could not do").isNull();
            assertThat(first.steps()).anyMatch(s -> s.startsWith("deduplicated: "));
            DemoService.Result again = new DemoService(db).run(chain, out);
            assertThat(again.steps()).noneMatch(s -> s.startsWith("imported ") || s.startsWith("created"));
        }
    }

    @Test
    void withoutSharedDataTheBuiltInSampleIsUsed(@TempDir Path out) {
        try (Database db = TestDb.SQLITE.fresh()) {
            DemoService.Result r = new DemoService(db).run(null, out);
            assertThat(r.data()).contains("built-in sample");
            assertThat(r.steps()).contains("imported medline.ris as MEDLINE: 7 records",
                    "imported cinahl.ris as CINAHL: 5 records", "imported embase.ris as Embase: 5 records");
            assertThat(Files.isRegularFile(out.resolve("sample").resolve("included.ris"))).isTrue();
        }
    }
}
