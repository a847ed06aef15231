package dev.winnow.ingest.wos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WosReaderTest {
    private final WosReader plain = new WosReader();
    private final WosTabReader tab = new WosTabReader();

    private List<ParsedRecord> parse(String text) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        plain.read(new StringReader(text), "savedrecs.txt", out::add);
        return out;
    }

    private List<ParsedRecord> parseTab(String text) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        tab.read(new StringReader(text), "savedrecs.tsv", out::add);
        return out;
    }

    private static final String PLAIN = """
            \uFEFFFN Clarivate Analytics Web of Science
            VR 1.0
            PT J
            AU van der Berg, A
               Okafor, TB
            AF van der Berg, Anna
               Okafor, Tunde B.
            CA Shared Care Group
            TI Early palliative care shared between general practice and
               oncology
            SO JOURNAL OF PALLIATIVE CARE
            LA English
            DT Article
            DE palliative care; general practice;
               oncology
            ID MODELS; CARE
            AB We studied shared care.
            C1 [van der Berg, Anna] Univ Somewhere, Somewhere, Netherlands.
            SN 1234-5678
            EI 8765-4321
            J9 J PALLIAT CARE
            JI J. Palliat. Care
            PD MAR
            PY 2021
            VL 20
            IS 4
            BP 454
            EP 481
            DI 10.1000/jpc.2021.20
            UT WOS:000600000000001
            PM 30000001
            ER

            PT C
            AU Ruiz, M
            TI A meeting abstract
            SO PALLIATIVE MEDICINE
            DT Meeting Abstract
            PY 2022
            AR 120
            ER

            EF
            """;

    @Test
    void plainTextExport() throws IOException {
        List<ParsedRecord> rs = parse(PLAIN);
        assertThat(rs).hasSize(2);
        Record r = rs.get(0).record();
        assertThat(r.authors()).extracting(Author::family).containsExactly("van der Berg", "Okafor", "Shared Care Group");
        assertThat(r.authors().get(0).given()).isEqualTo("Anna");
        assertThat(r.authors().get(2).corporate()).isTrue();
        assertThat(r.title()).isEqualTo("Early palliative care shared between general practice and oncology");
        assertThat(r.journal()).isEqualTo("JOURNAL OF PALLIATIVE CARE");
        assertThat(r.journalAbbreviation()).isEqualTo("J. Palliat. Care");
        assertThat(r.keywords()).containsExactly("palliative care", "general practice", "oncology", "MODELS", "CARE");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.date()).isEqualTo("MAR 2021");
        assertThat(r.pages()).isEqualTo("454-481");
        assertThat(r.doi()).isEqualTo("10.1000/jpc.2021.20");
        assertThat(r.issns()).containsExactly("1234-5678", "8765-4321");
        assertThat(r.accessionNumbers()).containsEntry("Web of Science", "WOS:000600000000001");
        assertThat(r.pmid()).isEqualTo("30000001");
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.database()).isEqualTo("Web of Science");
        assertThat(r.extra().get("C1")).containsExactly("[van der Berg, Anna] Univ Somewhere, Somewhere, Netherlands.");
        assertThat(rs.get(0).line()).isEqualTo(3);
        assertThat(rs.get(0).raw()).startsWith("PT J\nAU van der Berg, A\n   Okafor, TB").endsWith("ER");

        Record meeting = rs.get(1).record();
        assertThat(meeting.type()).isEqualTo(RecordType.CONFERENCE_ABSTRACT);
        assertThat(meeting.articleNumber()).isEqualTo("120");
        assertThat(meeting.authors()).extracting(Author::family).containsExactly("Ruiz");
    }

    @Test
    void medlineRecordsInWosWithSemicolonAuthorsAndPsPages() throws IOException {
        Record r = parse("""
                FN ISI Export Format
                VR 1.0
                PT J
                TI A title
                AU Joffe, Hadine; Hall, Janet E
                PS 2457-71
                PY 2006
                UT MEDLINE:16842170
                ER
                """).get(0).record();
        assertThat(r.authors()).extracting(Author::family).containsExactly("Joffe", "Hall");
        assertThat(r.pages()).isEqualTo("2457-71");
        assertThat(r.pmid()).isEqualTo("16842170");
        assertThat(r.accessionNumbers()).containsEntry("MEDLINE", "MEDLINE:16842170");
    }

    @Test
    void missingFinalErAndNoHeader() throws IOException {
        List<ParsedRecord> rs = parse("PT J\nTI One\nER\n\nPT J\nTI Two\n");
        assertThat(rs).extracting(p -> p.record().title()).containsExactly("One", "Two");
    }

    @Test
    void garbageOutsideARecordIsAParseError() {
        assertThatThrownBy(() -> parse("FN Web of Science\nVR 1.0\nPT J\nTI One\nER\n%%% garbage\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("savedrecs.txt, line 6")
                .hasMessageContaining("expected a Web of Science field tag");
        assertThatThrownBy(() -> parse("FN Web of Science\nVR 1.0\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("no Web of Science record");
    }

    @Test
    void tabDelimitedExportMapsLikeThePlainOne() throws IOException {
        String header = "PT\tAU\tAF\tCA\tTI\tSO\tDE\tID\tAB\tSN\tPY\tVL\tIS\tBP\tEP\tDI\tUT\t";
        String row = "J\tvan der Berg, A; Okafor, TB\tvan der Berg, Anna; Okafor, Tunde B.\t\t"
                + "Early palliative care\tJOURNAL OF PALLIATIVE CARE\tpalliative care; oncology\t\tWe studied.\t1234-5678\t"
                + "2021\t20\t4\t454\t481\t10.1000/jpc.2021.20\tWOS:000600000000001\t";
        List<ParsedRecord> rs = parseTab("\uFEFF" + header + "\r\n" + row + "\r\n\r\n");
        assertThat(rs).hasSize(1);
        Record r = rs.get(0).record();
        assertThat(r.authors()).extracting(Author::family).containsExactly("van der Berg", "Okafor");
        assertThat(r.title()).isEqualTo("Early palliative care");
        assertThat(r.keywords()).containsExactly("palliative care", "oncology");
        assertThat(r.pages()).isEqualTo("454-481");
        assertThat(r.doi()).isEqualTo("10.1000/jpc.2021.20");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(rs.get(0).line()).isEqualTo(2);
        assertThat(rs.get(0).raw()).startsWith("J\tvan der Berg, A; Okafor, TB\t");
    }

    @Test
    void tabDelimitedErrors() {
        assertThatThrownBy(() -> parseTab("PT\tAU\tTI\nJ\tA, B\tT\textra\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("savedrecs.tsv, line 2")
                .hasMessageContaining("expected at most 3 cells");
        assertThatThrownBy(() -> parseTab("PT\tAuthors\tTI\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("found 'Authors'");
        assertThatThrownBy(() -> parseTab("PT\tAU\tTI\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("no Web of Science record");
    }

    @Test
    void sniffing() {
        assertThat(plain.sniff("FN Clarivate Analytics Web of Science\nVR 1.0\n")).isTrue();
        assertThat(plain.sniff("PT J\nTI x\nER\n")).isTrue();
        assertThat(plain.sniff("PT  - Journal Article\nTI  - x\n")).isFalse();
        assertThat(plain.sniff("TY  - JOUR\nER  - \n")).isFalse();
        assertThat(tab.sniff("PT\tAU\tBA\tBE\tGP\tAF\tBF\tCA\tTI\tSO\n")).isTrue();
        assertThat(tab.sniff("PT\tAU\n")).isFalse();
        assertThat(plain.sniff("PT\tAU\tTI\tSO\n")).isFalse();
    }

    @Test
    void anImportReadsOnPastGarbageBetweenRecordsAndReportsItOnce() throws IOException {
        dev.winnow.testing.CollectingSink sink = new dev.winnow.testing.CollectingSink().recovering();
        new WosReader().read(new java.io.StringReader("FN Web of Science\nVR 1.0\nPT J\nTI One\nER\n%%% garbage\n"
                + "   more garbage\nPT J\nTI Two\nER\nEF\nFN Web of Science\nVR 1.0\nPT J\nTI Three\nER\nEF\n"), "savedrecs.txt", sink);
        assertThat(sink.records).extracting(p -> p.record().title()).containsExactly("One", "Two", "Three");
        assertThat(sink.broken).containsExactly("2@6: savedrecs.txt, line 6: expected a Web of Science field tag (two "
                + "capitals and a space, e.g. 'PT J') or 'ER', found '%%% garbage'");
    }
}
