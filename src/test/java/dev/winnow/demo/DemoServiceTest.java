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
            assertThat(again.steps()).noneMatch(s -> s.startsWith("imported ") || s.startsWith("created")
                    || s.startsWith("deduplicated") || s.startsWith("replayed"));
            assertThat(first.steps()).contains(
                    "replayed title-abstract outcomes from screened_128.ris: 127 included, 379 excluded",
                    "replayed full-text outcomes from final_24.ris: 24 included, 103 excluded");
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

    /** The whole demo on the CiteSource chain: the PRISMA numbers add up, in the JSON, the SVG text and the PNG. */
    @Test
    void theCiteSourceDemoDrawsAPrismaDiagramWhoseNumbersAddUp(@TempDir Path out) throws Exception {
        Path chain = DemoService.citeSourceChain(SharedData.require("citesource/vignettes/new_stage_data").getParent()
                .getParent().getParent());
        try (Database db = TestDb.SQLITE.fresh()) {
            DemoService.Result r = new DemoService(db).run(chain, out);
            assertThat(r.missing()).isNull();
            assertThat(r.svg()).isNotNull();
            long identified = 0;
            for (DemoService.Export e : DemoService.CITESOURCE) {
                identified += dev.winnow.ingest.Ingest.readAll(chain.resolve(e.file()), null).size();
            }
            assertThat(identified).isEqualTo(1054);
            long studies = db.withHandle(h -> dev.winnow.store.StudyStore.ids(h, r.project().id()).size());

            ReportService reports = new ReportService(db);
            var json = dev.winnow.store.Json.MAPPER.readTree(reports.prisma(r.project(), ReportService.Format.JSON));
            var data = json.has("data") ? json.get("data") : json;
            long duplicates = data.get("duplicates").asLong();
            assertThat(data.get("database_results").asLong()).isEqualTo(identified);
            assertThat(duplicates).isEqualTo(identified - studies);
            assertThat(data.get("records_screened").asLong()).isEqualTo(identified - duplicates);
            assertThat(data.get("new_studies").asLong()).isEqualTo(24);

            String text = svgText(Files.readAllBytes(r.svg()));
            assertThat(text).contains("Databases (n = " + identified + ")")
                    .contains("Duplicate records removed (n = " + duplicates + ")")
                    .contains("Records screened (n = " + (identified - duplicates) + ")")
                    .contains("Studies included in review (n = 24)");

            byte[] png = reports.prisma(r.project(), ReportService.Format.PNG);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(200);
            System.out.println("demo PRISMA: identified " + identified + ", duplicates " + duplicates + ", screened "
                    + (identified - duplicates) + ", included " + data.get("new_studies").asLong());
        }
    }

    /** The text of an SVG document, its pieces joined by single spaces. */
    static String svgText(byte[] svg) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg));
        var texts = doc.getElementsByTagNameNS("*", "text");
        if (texts.getLength() == 0) {
            texts = doc.getElementsByTagName("text");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent()).append(' ');
        }
        return sb.toString().replaceAll("\\s+", " ");
    }
}
