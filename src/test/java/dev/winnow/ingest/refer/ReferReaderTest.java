package dev.winnow.ingest.refer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.Formats;
import dev.winnow.ingest.ParseException;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.testing.CollectingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferReaderTest {
    private final ReferReader reader = new ReferReader();

    private CollectingSink read(String text) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(new StringReader(text), "t.enw", sink);
        return sink;
    }

    private static String sample() throws IOException {
        try (InputStream in = ReferReaderTest.class.getResourceAsStream("/dev/winnow/bench/documented/endnote-tagged.enw")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEndNoteTaggedRecordsAsEndNoteDocumentsTheTags() throws IOException {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = getClass().getResourceAsStream("/dev/winnow/bench/documented/endnote-tagged.enw")) {
            reader.read(new InputStreamReader(in, StandardCharsets.UTF_8), "endnote-tagged.enw", sink);
        }
        assertThat(sink.records).hasSize(4);
        Record article = sink.record(0);
        assertThat(article.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(article.title()).startsWith("Community health workers");
        assertThat(article.authors()).extracting(Author::family).containsExactly("Okafor", "Lindqvist", "Haddad");
        assertThat(article.journal()).isEqualTo("Journal of Rural Health Research");
        assertThat(article.volume()).isEqualTo("14");
        assertThat(article.issue()).isEqualTo("3");
        assertThat(article.pages()).isEqualTo("201-214");
        assertThat(article.issns()).containsExactly("1234-5679");
        assertThat(article.year()).isEqualTo(2019);
        assertThat(article.doi()).isEqualTo("10.5555/jrhr.2019.0142");
        assertThat(article.keywords()).containsExactly("community health workers", "hypertension", "cluster randomised trial");
        assertThat(article.abstractText()).startsWith("Background:").contains("We randomised\n48 villages")
                .endsWith("12 percentage points.");
        assertThat(sink.records.get(0).line()).isEqualTo(1);
        assertThat(sink.records.get(0).raw()).startsWith("%0 Journal Article").endsWith("percentage points.");

        Record section = sink.record(1);
        assertThat(section.type()).isEqualTo(RecordType.BOOK_SECTION);
        assertThat(section.journal()).isEqualTo("A Practical Handbook of Evidence Synthesis");
        assertThat(section.editors()).extracting(Author::family).containsExactly("Marsh", "Ito");
        assertThat(section.isbns()).containsExactly("978-0-00-000000-2");
        assertThat(section.place()).isEqualTo("Leeds");
        assertThat(section.extra()).containsEntry("%7", java.util.List.of("2nd"));

        Record paper = sink.record(2);
        assertThat(paper.type()).isEqualTo(RecordType.CONFERENCE_PAPER);
        assertThat(paper.doi()).isEqualTo("10.5555/tmr.2020.3");
        assertThat(paper.date()).isEqualTo("2020/11/05");

        Record thesis = sink.record(3);
        assertThat(thesis.type()).isEqualTo(RecordType.THESIS);
        assertThat(thesis.institution()).isEqualTo("University of Example");
        assertThat(thesis.accessionNumbers()).containsEntry("ProQuest Dissertations & Theses", "10873256");
        assertThat(thesis.extra()).containsEntry("%9", java.util.List.of("Ph.D. thesis"));
    }

    @Test
    void isDetectedByContentAndNotMistakenForOtherFormats() throws IOException {
        assertThat(Formats.detect(sample()).orElseThrow().format()).isEqualTo(Format.ENDNOTE_TAGGED);
        assertThat(reader.sniff("TY  - JOUR\nTI  - x\nAU  - y\nER  - \n")).isFalse();
        assertThat(reader.sniff("% a LaTeX comment\n@article{k, title={x}}\n")).isFalse();
        assertThat(reader.sniff("%0 Journal Article\n")).isFalse(); // one line: too little to tell
        assertThat(Format.parse("enw")).isEqualTo(Format.ENDNOTE_TAGGED);
    }

    @Test
    void readsReferWithoutReferenceTypesAndRecordsWithoutBlankLinesBetween() throws IOException {
        CollectingSink sink = read("""
                %A J. Q. Public
                %T A classic refer entry
                %J Journal of Examples
                %V 3
                %D 1987

                %0 Journal Article
                %T First
                %A Smith, Ann
                %0 Journal Article
                %T Second
                %A Jones, Bea
                """);
        assertThat(sink.records).extracting(r -> r.record().title()).containsExactly("A classic refer entry", "First", "Second");
        assertThat(sink.record(0).authors().get(0).family()).isEqualTo("Public");
        assertThat(sink.record(0).type()).isEqualTo(RecordType.GENERIC);
        assertThat(sink.records).extracting(r -> r.line()).containsExactly(1L, 7L, 10L);
    }

    @Test
    void aBooksPagesAreItsNumberOfPages() throws IOException {
        Record book = read("%0 Book\n%T A book\n%A Ng, Lee\n%P XX, 327\n").record(0);
        assertThat(book.pages()).isNull();
        assertThat(book.extra()).containsEntry("%P", java.util.List.of("XX, 327"));
        assertThat(read("%0 Book Section\n%T A chapter\n%P 3-9\n").record(0).pages()).isEqualTo("3-9");
    }

    @Test
    void anEntryWithOnlyItsTypeIsReportedNotImported() throws IOException {
        CollectingSink sink = read("%0 Journal Article\n\n%0 Book\n%T A book\n%A Ng, Lee\n");
        assertThat(sink.records).hasSize(1);
        assertThat(sink.skipped).containsExactly("1@1: an entry with a reference type ('Journal Article') and no other "
                + "field: not a record");
    }

    @Test
    void severalAuthorsInOneFieldAreSplit() throws IOException {
        CollectingSink sink = read("%0 Journal Article\n%T T\n%A Agrawal A, Gupta K.\n%A Lee, Kim\n");
        assertThat(sink.record(0).authors()).extracting(Author::family).containsExactly("Agrawal", "Gupta", "Lee");
    }

    @Test
    void aFileWithNoRecordIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("just text\nmore text\n")).isInstanceOf(ParseException.class)
                .hasMessage("t.enw, line 1: no EndNote tagged record: expected lines such as '%0 Journal Article' and '%T title'");
    }
}
