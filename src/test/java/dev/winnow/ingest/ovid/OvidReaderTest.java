package dev.winnow.ingest.ovid;

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

class OvidReaderTest {
    private final OvidReader reader = new OvidReader();

    private List<ParsedRecord> parse(String text) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        reader.read(new StringReader(text), "ovid.txt", out::add);
        return out;
    }

    /** Ovid MEDLINE's "Complete Reference" display, with the search header Ovid writes first. */
    private static final String MEDLINE = """
            Database: Ovid MEDLINE(R) ALL <1946 to April 19, 2023>
            Search Strategy:
            --------------------------------------------------------------------------------
            1     palliative care/ (60000)
            2     general practice/ (40000)
            3     1 and 2 (2)
            ***************************

            <1>
            Unique Identifier
              30000001
            Authors
              van der Berg A.  Okafor TB.
            Authors Full Name
              van der Berg, Anna.  Okafor, Tunde B.
            Title
              Early palliative care shared between general practice and oncology.
            Source
              Journal of Palliative Care.  20(4):454-81, 2021 Mar 4.
            Abstract
              BACKGROUND: Shared care.
              RESULTS: It helped.
            Digital Object Identifier (DOI)
              https://dx.doi.org/10.1000/jpc.2021.20
            Year of Publication
              2021
            MeSH Subject Headings
              *Palliative Care
              General Practice
            ISSN Electronic
              1234-5678
            Language
              English
            Publication Type
              Journal Article.

            <2>
            Unique Identifier
              30000002
            Authors
              Müller K.
            Title
              [Palliative care in general practice].
            Source
              Zeitschrift fur Allgemeinmedizin.  96(1):10-5, 2020 Jan.
            """;

    @Test
    void medlineCompleteReference() throws IOException {
        List<ParsedRecord> rs = parse(MEDLINE);
        assertThat(rs).hasSize(2);
        Record r = rs.get(0).record();
        assertThat(r.database()).isEqualTo("Ovid MEDLINE(R) ALL");
        assertThat(r.pmid()).isEqualTo("30000001");
        assertThat(r.accessionNumbers()).containsEntry("Ovid MEDLINE(R) ALL", "30000001");
        assertThat(r.authors()).extracting(Author::family).containsExactly("van der Berg", "Okafor");
        assertThat(r.authors().get(1).given()).isEqualTo("Tunde B");
        assertThat(r.title()).isEqualTo("Early palliative care shared between general practice and oncology.");
        assertThat(r.journal()).isEqualTo("Journal of Palliative Care");
        assertThat(r.volume()).isEqualTo("20");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.pages()).isEqualTo("454-81");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.abstractText()).isEqualTo("BACKGROUND: Shared care. RESULTS: It helped.");
        assertThat(r.doi()).isEqualTo("10.1000/jpc.2021.20");
        assertThat(r.keywords()).containsExactly("*Palliative Care", "General Practice");
        assertThat(r.issns()).containsExactly("1234-5678");
        assertThat(r.language()).isEqualTo("English");
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(rs.get(0).line()).isEqualTo(9);
        assertThat(rs.get(0).raw()).startsWith("<1>\nUnique Identifier\n  30000001").endsWith("Journal Article.");

        Record second = rs.get(1).record();
        assertThat(second.authors()).extracting(Author::family).containsExactly("Müller");
        assertThat(second.year()).isEqualTo(2020);
        assertThat(second.pages()).isEqualTo("10-5");
    }

    @Test
    void journalsAtOvidWithAffiliationMarksCredentialsAndTypeNote() throws IOException {
        Record r = parse("""
                <3>
                Accession Number
                  00000001-202001000-00001.
                Author
                  Bunkers, Sandra Schmidt RN; PhD; FAAN 1;  Verbeek, Jan MD *;  van Vugt, Arie MD, PhD +
                Title
                  Listening to patients.[Miscellaneous]
                Source
                  Nursing Science Quarterly.   28(2):103-106, April 2015.
                Author Keywords
                  listening;  palliative care;  primary care.
                DOI Number
                  10.1000/nsq.2015.1
                Link to the Ovid Full Text or citation
                 http://ovidsp.ovid.com/ovidweb.cgi?T=JS&AN=1
                """).get(0).record();
        assertThat(r.authors()).extracting(Author::family).containsExactly("Bunkers", "Verbeek", "van Vugt");
        assertThat(r.authors().get(0).given()).isEqualTo("Sandra Schmidt");
        assertThat(r.title()).isEqualTo("Listening to patients");
        assertThat(r.keywords()).containsExactly("listening", "palliative care", "primary care");
        assertThat(r.year()).isEqualTo(2015);
        assertThat(r.volume()).isEqualTo("28");
        assertThat(r.doi()).isEqualTo("10.1000/nsq.2015.1");
        assertThat(r.extra().get("Accession Number")).containsExactly("00000001-202001000-00001");
        assertThat(r.extra().get("Link to the Ovid Full Text or citation")).containsExactly("http://ovidsp.ovid.com/ovidweb.cgi?T=JS&AN=1");
    }

    @Test
    void sourceForms() {
        assertThat(OvidSource.parse("Clinical Psychology & Psychotherapy. Vol 28(2) April 2015, 103-106."))
                .isEqualTo(new OvidSource("Clinical Psychology & Psychotherapy", "28", "2", "103-106", "April 2015"));
        assertThat(OvidSource.parse("Supportive Care in Cancer. 28(2) (pp 103-106), 2015. Date of Publication: April 2015."))
                .isEqualTo(new OvidSource("Supportive Care in Cancer", "28", "2", "103-106", "2015"));
        assertThat(OvidSource.parse("Journal of the American Medical Informatics Association. "))
                .isEqualTo(new OvidSource("Journal of the American Medical Informatics Association", null, null, null, null));
        assertThat(OvidSource.parse("Source Very Long Title.   28:103-106, April 2015."))
                .isEqualTo(new OvidSource("Source Very Long Title", "28", null, "103-106", "April 2015"));
    }

    @Test
    void editorsMarkedEdAndChapters() throws IOException {
        Record r = parse("""
                <1>
                Author
                  Max, Anna [Ed]
                Title
                  The Book
                Chapter Title
                  The Chapter
                """).get(0).record();
        assertThat(r.authors()).isEmpty();
        assertThat(r.editors()).extracting(Author::family).containsExactly("Max");
        assertThat(r.title()).isEqualTo("The Chapter");
        assertThat(r.journal()).isEqualTo("The Book");
        assertThat(r.type()).isEqualTo(RecordType.BOOK_SECTION);
    }

    @Test
    void sniff() {
        assertThat(reader.sniff("Database: X\n\n<1>\nTitle\n  A title\n")).isTrue();
        assertThat(reader.sniff("<1>\n  indented first\n")).isFalse();
        assertThat(reader.sniff("Score\n  *****\nTitle\n  x\n")).isFalse();
        assertThat(reader.sniff("TY  - JOUR\nTI  - <1>\n")).isFalse();
    }

    @Test
    void malformedInputIsAParseErrorWithLine() {
        assertThatThrownBy(() -> parse("<1>\n  a value without a label\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("ovid.txt, line 2")
                .hasMessageContaining("expected a field label");
        assertThatThrownBy(() -> parse("Score\n  *****\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a record number such as '<1>'");
    }
}
