package dev.winnow.ingest.medline;

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

class MedlineReaderTest {
    private final MedlineReader reader = new MedlineReader();

    private List<ParsedRecord> parse(String text) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        reader.read(new StringReader(text), "t.nbib", out::add);
        return out;
    }

    private static final String TWO = """

            PMID- 30000001
            OWN - NLM
            STAT- MEDLINE
            IS  - 1234-5678 (Electronic)
            IS  - 1234-5678 (Linking)
            VI  - 20
            IP  - 4
            DP  - 2021 Mar 4
            TI  - Early palliative care shared between general practice and oncology: a
                  randomised trial.
            PG  - 454-81
            LID - 10.1000/jpc.2021.20 [doi]
            LID - e123 [pii]
            AB  - BACKGROUND: Shared care. RESULTS: It helped. Copyright © 2021 Some
                  Publisher Ltd. All rights reserved.
            FAU - van der Berg, Anna
            AU  - van der Berg A
            AD  - Somewhere University.
            FAU - Okafor, Tunde
            AU  - Okafor T
            AU  - Nguyen H
            CN  - Shared Care Trial Group
            LA  - eng
            PT  - Journal Article
            PT  - Randomized Controlled Trial
            TA  - J Palliat Care
            JT  - Journal of palliative care
            MH  - Palliative Care/*methods
            OT  - shared care
            PMC - PMC7000001
            AID - 10.1000/jpc.2021.20 [doi]
            AID - S0000-0000(21)00001-1 [pii]
            SO  - J Palliat Care. 2021 Mar 4;20(4):454-81.

            PMID- 30000002
            TI  - [Palliative care in general practice].
            TT  - Palliativversorgung in der Hausarztpraxis.
            DP  - 2020
            AU  - Müller K
            LA  - ger
            PT  - English Abstract
            TA  - Z Allgemeinmed
            """;

    @Test
    void readsEveryMappedField() throws IOException {
        List<ParsedRecord> rs = parse(TWO);
        assertThat(rs).hasSize(2);
        Record r = rs.get(0).record();
        assertThat(r.pmid()).isEqualTo("30000001");
        assertThat(r.accessionNumbers()).containsEntry("PubMed", "30000001");
        assertThat(r.title()).isEqualTo("Early palliative care shared between general practice and oncology: a randomised trial.");
        assertThat(r.authors()).extracting(Author::family)
                .containsExactly("van der Berg", "Okafor", "Nguyen", "Shared Care Trial Group");
        assertThat(r.authors().get(0).given()).isEqualTo("Anna");
        assertThat(r.authors().get(2).given()).isEqualTo("H.");
        assertThat(r.authors().get(3).corporate()).isTrue();
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.date()).isEqualTo("2021 Mar 4");
        assertThat(r.volume()).isEqualTo("20");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.pages()).isEqualTo("454-81");
        assertThat(r.doi()).isEqualTo("10.1000/jpc.2021.20");
        assertThat(r.journal()).isEqualTo("Journal of palliative care");
        assertThat(r.journalAbbreviation()).isEqualTo("J Palliat Care");
        assertThat(r.abstractText()).isEqualTo("BACKGROUND: Shared care. RESULTS: It helped.");
        assertThat(r.extra().get("copyright")).containsExactly("Copyright © 2021 Some Publisher Ltd. All rights reserved.");
        assertThat(r.keywords()).containsExactly("Palliative Care/*methods", "shared care");
        assertThat(r.issns()).containsExactly("1234-5678");
        assertThat(r.pmcid()).isEqualTo("PMC7000001");
        assertThat(r.language()).isEqualTo("eng");
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.extra().get("AID")).containsExactly("S0000-0000(21)00001-1 [pii]");
        assertThat(r.extra().get("AD")).containsExactly("Somewhere University.");
        assertThat(rs.get(0).line()).isEqualTo(2);
        assertThat(rs.get(0).raw()).startsWith("PMID- 30000001\nOWN - NLM").endsWith("SO  - J Palliat Care. 2021 Mar 4;20(4):454-81.");
        assertThat(rs.get(1).position()).isEqualTo(2);
    }

    @Test
    void translatedTitleAndJournalFromTaWhenThereIsNoJt() throws IOException {
        Record r = parse(TWO).get(1).record();
        assertThat(r.title()).isEqualTo("[Palliative care in general practice].");
        assertThat(r.originalTitle()).isEqualTo("Palliativversorgung in der Hausarztpraxis.");
        assertThat(r.journal()).isEqualTo("Z Allgemeinmed");
        assertThat(r.authors()).extracting(Author::family).containsExactly("Müller");
    }

    @Test
    void tagVariantsWithoutSpacesAndPmidStartingANewRecordWithoutBlankLine() throws IOException {
        List<ParsedRecord> rs = parse("PMID-1\nTI  -First\nPMID- 2\nTI-Second\nAID - doi:10.1000/x\n");
        assertThat(rs).extracting(p -> p.record().title()).containsExactly("First", "Second");
        assertThat(rs.get(1).record().doi()).isEqualTo("10.1000/x");
    }

    @Test
    void booksAndChapters() throws IOException {
        Record book = parse("PMID- 5\nBTI - A Handbook of Care\nPB  - Press\nISBN- 978-0-00-000000-2\n").get(0).record();
        assertThat(book.type()).isEqualTo(RecordType.BOOK);
        assertThat(book.title()).isEqualTo("A Handbook of Care");
        assertThat(book.isbns()).containsExactly("978-0-00-000000-2");
        Record chapter = parse("PMID- 6\nTI  - Chapter one\nBTI - A Handbook of Care\nFED - Editor, Ed\n").get(0).record();
        assertThat(chapter.type()).isEqualTo(RecordType.BOOK_SECTION);
        assertThat(chapter.journal()).isEqualTo("A Handbook of Care");
        assertThat(chapter.editors()).extracting(Author::family).containsExactly("Editor");
    }

    @Test
    void copyrightInsideASentenceStays() {
        Record.Builder b = Record.builder();
        assertThat(MedlineMapping.withoutCopyright("We studied copyright law. Copyright holders agreed", b))
                .isEqualTo("We studied copyright law. Copyright holders agreed".substring(0, 25));
        assertThat(MedlineMapping.withoutCopyright("Results on the Copyright Act", b)).isEqualTo("Results on the Copyright Act");
    }

    @Test
    void sniffsMedlineButNotRisOrWos() {
        assertThat(reader.sniff("PMID- 1\nOWN - NLM\n")).isTrue();
        assertThat(reader.sniff("\nFAU - A, B\nAU  - A B\nJT  - J\nDP  - 2020\n")).isTrue();
        assertThat(reader.sniff("TY  - JOUR\nAU  - A\nTI  - x\nJT  - y\nDP  - 2020\nPG  - 1\n")).isFalse();
        assertThat(reader.sniff("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n")).isFalse();
    }

    @Test
    void noRecordIsAParseError() {
        assertThatThrownBy(() -> parse("just some text\nwithout tags\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("t.nbib, line 1")
                .hasMessageContaining("expected lines such as 'PMID- 12345678'");
    }

    @Test
    void aFileWhoseFirstTagIsNotPmidIsDetectedAndRead() throws IOException {
        String text = """
                PMCR- 2021/01/05 00:00
                TI  - Home visits after stroke: a pilot study.
                FAU - Haddad, Rami
                AU  - Haddad R
                DP  - 2020 Dec

                PMCR- 2021/02/05 00:00
                PMID- 33000002
                TI  - Second.
                """;
        assertThat(reader.sniff(text)).isTrue();
        assertThat(dev.winnow.ingest.Formats.detect(text).orElseThrow().format()).isEqualTo(dev.winnow.ingest.Format.MEDLINE);
        List<ParsedRecord> rs = parse(text);
        assertThat(rs).extracting(r -> r.record().title()).containsExactly("Home visits after stroke: a pilot study.", "Second.");
        assertThat(rs.get(0).record().year()).isEqualTo(2020);
        assertThat(rs.get(1).record().pmid()).isEqualTo("33000002");
        // a RIS file is not taken for MEDLINE because its first tags are padded to four characters too
        assertThat(reader.sniff("TY  - JOUR\nTI  - x\nAU  - y\nER  - \n")).isFalse();
        assertThat(reader.sniff("TI  - x\nAU  - y\n")).isFalse();
    }
}
