package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.store.Json;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow import} and {@code winnow record add} as users and scripts drive them. */
class ImportCommandTest {
    static CliTest.Run run(String db, String... args) {
        return CliTest.run(db, args);
    }

    @TempDir
    Path dir;

    @Test
    void importsFilesReportsThemAndRefusesABrokenOneAlone() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        run(db, "project", "create", "Shared care");
        Path good = Files.writeString(dir.resolve("scopus.csv"), "Title,Authors,Year,DOI\nA,\"Smith J., Lee K.\",2020,10.1/a\nB,,2021,\n");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "Title,DOI\nA,10.1/a\n\"B,10.1/b\n");
        Path search = Files.writeString(dir.resolve("search.txt"), "TITLE-ABS-KEY(palliative AND \"general practice\")\n");

        CliTest.Run r = run(db, "import", "--project", "shared-care", "--source", "Scopus", "--searched", "2023-04-20",
                "--search-string-file", search.toString(), good.toString(), broken.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).contains("Imported scopus.csv into Scopus: 2 records [csv, UTF-8]")
                .contains("lacking: title 0, abstract 2 (record 1, 2), doi 1 (record 2)")
                .contains("columns: Title → title, Authors → authors, Year → year, DOI → doi");
        assertThat(r.err()).contains("winnow: broken.csv, line 3: a quoted field that starts on line 3 never closes")
                .contains("(nothing imported from this file)")
                .contains("1 of 2 files failed; the others were imported")
                .doesNotContain("Exception");

        CliTest.Run again = run(db, "import", "--project", "shared-care", "--source", "Scopus", good.toString());
        assertThat(again.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(again.err()).contains("scopus.csv was already imported into this project").contains("--again");

        CliTest.Run json = run(db, "import", "--project", "shared-care", "--source", "Scopus", "--again", "--json", good.toString());
        assertThat(json.code()).isZero();
        JsonNode reports = Json.MAPPER.readTree(json.out());
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("records").asInt()).isEqualTo(2);
        assertThat(reports.get(0).get("again").asBoolean()).isTrue();
        assertThat(reports.get(0).get("fieldsFound").get("authors").asInt()).isEqualTo(1);

        CliTest.Run status = run(db, "status", "--project", "shared-care", "--json");
        assertThat(Json.MAPPER.readTree(status.out()).get("sourceRecords").asInt()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aCompressedOrPdfFileIsRefusedByNameAndNothingIsStored(TestDb kind) throws Exception {
        String db = kind.freshUrl();
        run(db, "project", "create", "Shared care");
        Path gz = Files.write(dir.resolve("medline.ris.gz"), dev.winnow.ingest.BinaryFilesTest.gzip(dev.winnow.ingest.BinaryFilesTest.RIS));
        CliTest.Run r = run(db, "import", "--project", "shared-care", "--source", "MEDLINE", gz.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("winnow: medline.ris.gz: a gzip-compressed file, not a bibliographic "
                + "export: decompress it first (gunzip medline.ris.gz) and import the file inside (nothing imported from this file)");
        assertThat(r.err()).doesNotContain("Exception");
        Path pdf = Files.writeString(dir.resolve("paper.pdf"), "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n");
        CliTest.Run p = run(db, "import", "--project", "shared-care", "--source", "MEDLINE", pdf.toString());
        assertThat(p.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(p.err()).startsWith("winnow: paper.pdf: a PDF document, not a bibliographic export");
        JsonNode status = Json.MAPPER.readTree(run(db, "status", "--project", "shared-care", "--json").out());
        assertThat(status.get("sourceRecords").asInt()).isZero();
        assertThat(run(db, "import", "--project", "shared-care", "--source", "MEDLINE", "--json",
                Files.writeString(dir.resolve("medline.ris"), dev.winnow.ingest.BinaryFilesTest.RIS).toString()).code()).isZero();
        assertThat(Json.MAPPER.readTree(run(db, "status", "--project", "shared-care", "--json").out())
                .get("sourceRecords").asInt()).isEqualTo(1);
    }

    @Test
    void aBrokenEntryIsSkippedAndShownUnlessStrict() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        run(db, "project", "create", "Shared care");
        Path bib = Files.writeString(dir.resolve("ebsco.bib"), "@article{a, title = {One}}\n"
                + "@article{b, title = {Two}, keywords = {stray {brace}}\n@article{c, title = {Three}}\n");
        CliTest.Run strict = run(db, "import", "--project", "shared-care", "--source", "EBSCO", "--strict", bib.toString());
        assertThat(strict.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(strict.err()).contains("winnow: ebsco.bib, line 3: expected ',' or '}' after the value of 'keywords', "
                + "found '@'").contains("(nothing imported from this file)").doesNotContain("Exception");

        CliTest.Run lenient = run(db, "import", "--project", "shared-care", "--source", "EBSCO", bib.toString());
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("Imported ebsco.bib into EBSCO: 2 records, 1 skipped [bibtex, UTF-8]")
                .contains("  skipped record 2 (line 2): broken entry, not imported (line 3: expected ',' or '}' after the "
                        + "value of 'keywords', found '@'); the entries after it were read (--strict refuses such a file)");
    }

    @Test
    void addsARecordByHandToAnOtherMethodsSource() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        run(db, "project", "create", "Shared care");
        CliTest.Run r = run(db, "record", "add", "--project", "shared-care", "--source", "Reference lists",
                "--other-method", "citation-searching", "--title", "Shared care in palliative oncology",
                "--authors", "Smith, J; Lee, K", "--year", "2019", "--doi", "10.1/x", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode added = Json.MAPPER.readTree(r.out());
        assertThat(added.get("kind").asText()).isEqualTo("other");
        assertThat(added.get("position").asInt()).isEqualTo(1);

        CliTest.Run bad = run(db, "record", "add", "--project", "shared-care", "--source", "Reference lists",
                "--kind", "database", "--title", "X");
        assertThat(bad.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err().strip()).isEqualTo("winnow: source 'Reference lists' is of kind other, not database: "
                + "leave out --kind or name another source");
    }

    @Test
    void badOptionsAreOneLine() {
        String db = TestDb.SQLITE.freshUrl();
        run(db, "project", "create", "Shared care");
        CliTest.Run date = run(db, "import", "--project", "shared-care", "--source", "MEDLINE", "--searched", "20/04/2023", "x.ris");
        assertThat(date.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(date.err().strip()).isEqualTo("winnow: the search date '20/04/2023' (--searched) is not a date: expected YYYY-MM-DD, e.g. 2023-04-20");
        String nextYear = String.valueOf(java.time.LocalDate.now().getYear() + 1);
        CliTest.Run future = run(db, "import", "--project", "shared-care", "--source", "MEDLINE", "--searched",
                nextYear + "-01-01", "x.ris");
        assertThat(future.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(future.err().strip()).isEqualTo("winnow: the search date '" + nextYear + "-01-01' (--searched) is in the future: give the "
                + "day the search was run");
        CliTest.Run missing = run(db, "import", "--project", "shared-care", "--source", "MEDLINE", dir.resolve("nope.ris").toString());
        assertThat(missing.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err()).contains("nope.ris: no such file");
        CliTest.Run folder = run(db, "import", "--project", "shared-care", "--source", "MEDLINE", dir.toString());
        assertThat(folder.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(folder.err()).contains(dir + ": is a folder; give the export files in it");
        CliTest.Run method = run(db, "import", "--project", "shared-care", "--source", "X", "--kind", "database",
                "--other-method", "websites", "x.ris");
        assertThat(method.err().strip()).isEqualTo("winnow: --other-method is for sources of kind 'other', not 'database'");
    }
}
