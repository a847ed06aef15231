package dev.winnow.ingest.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.tabular.RecordColumns;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WritersTest {
    static final Record HOSTILE = Record.builder().type(RecordType.JOURNAL_ARTICLE)
            .title("=HYPERLINK(\"http://evil\",\"click\")").author(Author.of("+Plus", "A"))
            .abstractText("-2+3 is what, \"quoted\"\nnext line").keyword("@SUM(A1)").year(2020).pages("12-19").build();

    static String text(Format f, List<Record> records) throws IOException {
        StringWriter out = new StringWriter();
        Formats.writer(f).orElseThrow().write(records, out);
        return out.toString();
    }

    @Test
    void csvHasTheDocumentedColumnsAndNeutralisesFormulas() throws IOException {
        String csv = text(Format.CSV, List.of(HOSTILE));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("type,title,authors,year,journal,volume,issue,pages,doi,pmid,abstract,keywords,url,");
        assertThat(lines[1]).startsWith("journal article,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",\"'+Plus, A\",2020,,,,12-19,,,"
                + "\"'-2+3 is what, \"\"quoted\"\"\nnext line\",'@SUM(A1),");
        assertThat(RecordColumns.neutralise("plain")).isEqualTo("plain");
        assertThat(RecordColumns.neutralise("=1+1")).isEqualTo("'=1+1");
    }

    @Test
    void xlsxIsAWorkbookWithTextCellsOnly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var writer = Formats.writer(Format.XLSX).orElseThrow();
        assertThat(writer.binary()).isTrue();
        writer.write(List.of(HOSTILE, RoundTripTest.full(RecordType.BOOK)), bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet s = wb.getSheet("records");
            assertThat(s.getLastRowNum()).isEqualTo(2);
            Row header = s.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("title");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
            s.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING)));
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("book");
        }
        assertThatThrownBy(() -> writer.write(List.of(HOSTILE), new StringWriter())).isInstanceOf(UserError.class);
    }

    @Test
    void risHasOneTagPerLineAndEndsEveryRecord() throws IOException {
        String ris = text(Format.RIS, List.of(RoundTripTest.full(RecordType.JOURNAL_ARTICLE), HOSTILE));
        assertThat(ris).startsWith("TY  - JOUR\r\nTI  - Early palliative care -- 50% of {GPs}");
        assertThat(ris).contains("\r\nAU  - Müller, Anna B.\r\nAU  - van der Berg, J.-P.\r\nAU  - Zamm itt\r\n")
                .contains("\r\nSP  - 590\r\nEP  - 5\r\n").contains("\r\nDO  - 10.1000/jpcm.2019_12(3)\r\n")
                .contains("\r\nAB  - BACKGROUND: Why we did it. METHODS: How -- with 95% CI.\r\n")
                .contains("\r\nKW  - Models, Biological*\r\n").contains("\r\nAN  - 31234567\r\nAN  - 2012345678\r\n");
        assertThat(ris.split("ER  - \r\n", -1)).hasSize(3);
        assertThat(ris).contains("AB  - -2+3 is what, \"quoted\" next line");
    }

    @Test
    void bibtexKeysAreUniqueAndEntriesBalanced() throws IOException {
        Record a = Record.builder().type(RecordType.BOOK).title("A").author(Author.of("Smith", "J")).year(2001).build();
        String bib = text(Format.BIBTEX, List.of(a, a, RoundTripTest.full(RecordType.THESIS)));
        assertThat(bib).contains("@book{smith2001,").contains("@book{smith2001a,").contains("@phdthesis{muller2019,")
                .contains("school = {University of Leeds}");
        long open = bib.chars().filter(c -> c == '{').count() - bib.split("\\\\\\{", -1).length + 1;
        long close = bib.chars().filter(c -> c == '}').count() - bib.split("\\\\\\}", -1).length + 1;
        assertThat(open).isEqualTo(close);
    }
}
