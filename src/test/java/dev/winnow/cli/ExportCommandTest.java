package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Record;
import dev.winnow.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow export} as users and scripts drive it: output, files, exit codes, one-line errors. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsASourceInEachFormatAndRefusesBadValues() throws Exception {
        String db = TestDb.SQLITE.freshUrl();
        CliTest.run(db, "project", "create", "Shared care");
        Path scopus = Files.writeString(dir.resolve("scopus.csv"),
                "Title,Authors,Year,DOI,Source title\nShared care,\"Smith J., Lee K.\",2020,10.1000/a,BMJ\nB,,2021,,\n");
        Path medline = Files.writeString(dir.resolve("medline.ris"),
                "TY  - JOUR\nTI  - Early palliative care\nAU  - Jensen, L\nPY  - 2019\nDO  - 10.1/m\nER  - \n");
        assertThat(CliTest.run(db, "import", "--project", "shared-care", "--source", "Scopus", scopus.toString()).code())
                .isZero();
        assertThat(CliTest.run(db, "import", "--project", "shared-care", "--source", "MEDLINE", medline.toString()).code())
                .isZero();

        CliTest.Run ris = CliTest.run(db, "export", "--project", "shared-care", "--subset", "source:Scopus", "--format", "ris");
        assertThat(ris.code()).as(ris.err()).isZero();
        List<Record> back = Ingest.readAll(new StringReader(ris.out()), "out.ris", Format.RIS).stream()
                .map(ParsedRecord::record).toList();
        assertThat(back).extracting(Record::title).containsExactly("Shared care", "B");
        assertThat(back.getFirst().doi()).isEqualTo("10.1000/a");
        assertThat(back.getFirst().journal()).isEqualTo("BMJ");

        Path bib = dir.resolve("out/records.bib");
        CliTest.Run toFile = CliTest.run(db, "export", "--project", "shared-care", "--subset", "records", "--to",
                "bibtex", "-o", bib.toString());
        assertThat(toFile.code()).as(toFile.err()).isZero();
        assertThat(toFile.out()).contains("Exported 3 records (records) as bibtex");
        assertThat(Ingest.readAll(bib, null)).hasSize(3);

        Path xlsx = dir.resolve("medline.xlsx");
        CliTest.Run sheet = CliTest.run(db, "export", "--project", "shared-care", "--subset", "file:medline.ris",
                "--format", "xlsx", "-o", xlsx.toString());
        assertThat(sheet.code()).as(sheet.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Early palliative care");
        }

        CliTest.Run noFile = CliTest.run(db, "export", "--project", "shared-care", "--format", "xlsx");
        assertThat(noFile.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noFile.err()).contains("give the output file with -o FILE").doesNotContain("Exception");
        CliTest.Run subset = CliTest.run(db, "export", "--project", "shared-care", "--subset", "everything");
        assertThat(subset.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(subset.err()).contains("unknown subset 'everything'").contains("included[:STAGE]");
        CliTest.Run format = CliTest.run(db, "export", "--project", "shared-care", "--format", "docx");
        assertThat(format.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(format.err()).contains("unknown format 'docx'").contains("csl-json");
        CliTest.Run source = CliTest.run(db, "export", "--project", "shared-care", "--subset", "source:Embase");
        assertThat(source.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(source.err()).contains("no source 'Embase'").contains("Scopus").contains("MEDLINE");
        assertThat(CliTest.run(db, "export", "--subset", "all").code()).isEqualTo(Cli.USAGE);

        CliTest.Run audit = CliTest.run(db, "audit", "--project", "shared-care");
        assertThat(audit.out()).contains("export");
    }
}
