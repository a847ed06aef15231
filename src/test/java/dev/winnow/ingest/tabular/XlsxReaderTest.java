package dev.winnow.ingest.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import dev.winnow.testing.CollectingSink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks as reviewers keep records in them: found by content, read as CSV is. */
class XlsxReaderTest {
    @TempDir
    Path dir;

    /** A sheet as a team might keep it: numbers typed as numbers, a blank row, a row with nothing usable. */
    private Path workbook(String name, Object[]... rows) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Scopus");
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == null) {
                    continue; // no row at all
                }
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    Object v = rows[i][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.createSheet("notes").createRow(0).createCell(0).setCellValue("not read");
            wb.write(out);
        }
        return file;
    }

    @Test
    void readsTheFirstSheetWithTheCsvColumnNames() throws IOException {
        Path file = workbook("scopus.xlsx",
                new Object[] {"Authors", "Title", "Year", "Source title", "DOI", "PubMed ID"},
                new Object[] {"Smith J., Lee K.", "Shared care in oncology", 2020, "BMJ", "10.1000/a", 31234567},
                null,
                new Object[] {"", "", "", "BMJ", "", ""},
                new Object[] {"Jensen L.", "Early palliative care", 2019.0, "Palliat Med", "", ""});
        CollectingSink sink = new CollectingSink();
        Ingest.FileInfo info = Ingest.read(file, null, sink);
        List<ParsedRecord> records = sink.records;
        List<String> skipped = sink.skipped;
        assertThat(info.format()).isEqualTo(Format.XLSX);
        assertThat(records).hasSize(2);
        Record first = records.get(0).record();
        assertThat(first.title()).isEqualTo("Shared care in oncology");
        assertThat(first.authors()).extracting(Author::family).containsExactly("Smith", "Lee");
        assertThat(first.year()).isEqualTo(2020);
        assertThat(first.journal()).isEqualTo("BMJ");
        assertThat(first.doi()).isEqualTo("10.1000/a");
        assertThat(first.pmid()).isEqualTo("31234567");
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(0).raw()).isEqualTo("\"Smith J., Lee K.\",Shared care in oncology,2020,BMJ,10.1000/a,31234567");
        assertThat(records.get(1).record().year()).isEqualTo(2019);
        assertThat(records.get(1).line()).isEqualTo(5);
        assertThat(skipped).containsExactly("2@4: no title, authors, DOI, PMID or abstract");
    }

    @Test
    void sharedStringsFullOfEntitiesReadWhole() throws IOException {
        // a workbook as Excel saves it (shared strings) with more than 100,000 "&amp;": POI's own parser
        // of the shared strings refused it under the JDK 25 entity limit
        Object[][] rows = new Object[12_001][];
        rows[0] = new Object[] {"Title", "url"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {"Study " + i + " & care", "https://x.org/a?b=1&c=2&d=3&e=4&f=5&g=6&h=7&i=8&k=" + i};
        }
        List<ParsedRecord> records = Ingest.readAll(workbook("links.xlsx", rows), null);
        assertThat(records).hasSize(12_000);
        assertThat(records.get(11_999).record().urls()).containsExactly("https://x.org/a?b=1&c=2&d=3&e=4&f=5&g=6&h=7&i=8&k=12000");
    }

    @Test
    void badWorkbooksAreOneClearMessage() throws IOException {
        Path header = workbook("header.xlsx", new Object[] {"Colour", "Size"}, new Object[] {"red", 3});
        assertThatThrownBy(() -> Ingest.readAll(header, null)).isInstanceOf(ParseException.class)
                .hasMessage("header.xlsx, line 1: expected a header row naming a title, authors, DOI, PMID or abstract "
                        + "column; found 'Colour', 'Size'");
        Path empty = workbook("empty.xlsx");
        assertThatThrownBy(() -> Ingest.readAll(empty, null)).isInstanceOf(ParseException.class)
                .hasMessageContaining("empty.xlsx").hasMessageContaining("the first sheet is empty");
        Path docx = dir.resolve("letter.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Ingest.readAll(docx, null)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("letter.docx: a Word document, not a file of records");
        Path archive = dir.resolve("exports.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("medline.ris"));
            zip.write("TY  - JOUR\nTI  - A\nER  - \n".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Ingest.readAll(archive, null)).isInstanceOf(ParseException.class)
                .hasMessage("exports.zip: a ZIP archive, not an Excel workbook: unpack it and import the export files "
                        + "inside");
        Path truncated = dir.resolve("cut.xlsx");
        byte[] whole = Files.readAllBytes(workbook("whole.xlsx", new Object[] {"Title"}, new Object[] {"A"}));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Ingest.readAll(truncated, null)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("cut.xlsx: not a readable Excel workbook (.xlsx)");
        assertThatThrownBy(() -> Ingest.readAll(header, Format.CSV)).isInstanceOf(ParseException.class)
                .hasMessage("header.xlsx: an Excel workbook (.xlsx), not csv: leave out --from, or give --from xlsx");
        Path text = Files.writeString(dir.resolve("plain.xlsx"), "Title\nA\n");
        assertThatThrownBy(() -> Ingest.readAll(text, Format.XLSX)).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("plain.xlsx: not a readable Excel workbook (.xlsx)");
    }
}
