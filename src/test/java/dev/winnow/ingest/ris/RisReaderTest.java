package dev.winnow.ingest.ris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.testing.CollectingSink;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisReaderTest {
    private final RisReader reader = new RisReader();

    private List<ParsedRecord> parse(String text) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        reader.read(new StringReader(text), "t.ris", out::add);
        return out;
    }

    private Record one(String text) throws IOException {
        List<ParsedRecord> rs = parse(text);
        assertThat(rs).hasSize(1);
        return rs.get(0).record();
    }

    private static List<String> families(Record r) {
        return r.authors().stream().map(Author::family).toList();
    }

    @Test
    void tagsOutsideARecordAreReportedWhenTheyLookLikeARecordWithoutItsType() throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(new StringReader("""
                TY  - JOUR
                TI  - One
                ER  -\s
                NL  - J Shared Care

                TI  - Two, without a type
                AU  - Smith, J
                ER  -\s
                TY  - JOUR
                TI  - Three
                ER  -\s
                """), "t.ris", sink);
        assertThat(sink.records).extracting(r -> r.record().title()).containsExactly("One", "Three");
        // Ovid's NL line after an ER is not a record; the untyped block with a title is reported
        assertThat(sink.skipped).containsExactly("2@6: tags outside a record ('TI  - Two, without a type'): no 'TY  - ' "
                + "line starts them, so they were not read (add a line 'TY  - GEN' above them to import them)");
    }

    @Test
    void ovidMedlineDialect() throws IOException {
        Record r = one("""
                TY  - JOUR
                DB  - Ovid MEDLINE(R) ALL
                AN  - 31234567
                T1  - Early palliative care shared by general practice and oncology: a pilot study.
                A1  - Moreau, Claire
                A1  - Okafor, Tunde B
                Y1  - 2020//
                N2  - BACKGROUND: Shared care. METHODS: A pilot.
                KW  - Palliative Care
                KW  - *General Practice
                JF  - Journal of Shared Care
                JA  - J Shared Care
                VL  - 12
                IS  - 3
                SP  - 201
                EP  - 9
                SN  - 1234-5678
                UR  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&AN=31234567
                DO  - https://dx.doi.org/10.1000/jsc.2020.12
                ER  -\s
                """);
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.title()).startsWith("Early palliative care shared");
        assertThat(families(r)).containsExactly("Moreau", "Okafor");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.abstractText()).isEqualTo("BACKGROUND: Shared care. METHODS: A pilot.");
        assertThat(r.journal()).isEqualTo("Journal of Shared Care");
        assertThat(r.journalAbbreviation()).isEqualTo("J Shared Care");
        assertThat(r.pages()).isEqualTo("201-9");
        assertThat(r.issns()).containsExactly("1234-5678");
        assertThat(r.doi()).isEqualTo("10.1000/jsc.2020.12");
        assertThat(r.database()).isEqualTo("Ovid MEDLINE(R) ALL");
        assertThat(r.accessionNumbers()).containsEntry("Ovid MEDLINE(R) ALL", "31234567");
        assertThat(r.pmid()).isEqualTo("31234567");
        assertThat(r.keywords()).containsExactly("Palliative Care", "*General Practice");
    }

    @Test
    void ovidPsycInfoJunkBetweenRecordsAndNoSpecifiedPages() throws IOException {
        List<ParsedRecord> rs = parse("""
                1.
                TY  - JOUR
                ID  - 2019-00001-001
                T1  - First.
                Y1  - 2019//
                SP  - No
                EP  - Specified
                PB  - Wiley
                PB  - US
                ER  -
                NL  - Abbrev Journal

                Link to the Ovid Full Text or citation: https://example.org/x

                2.
                TY  - JOUR
                T1  - Second.
                ER  -
                """);
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).record().pages()).isNull();
        assertThat(rs.get(0).record().publisher()).isEqualTo("Wiley");
        assertThat(rs.get(0).record().extra().get("PB")).containsExactly("US");
        assertThat(rs.get(0).record().extra().get("ID")).containsExactly("2019-00001-001");
        assertThat(rs.get(1).record().title()).isEqualTo("Second.");
        assertThat(rs.get(1).position()).isEqualTo(2);
        assertThat(rs.get(1).line()).isEqualTo(16);
    }

    @Test
    void ebscoCinahlDialect() throws IOException {
        Record r = one("""
                TY  - JOUR
                AU  - Lindqvist, Anna
                AU  - Berg, Per
                T1  - Nurses' views of shared palliative care
                JO  - Journal of Community Nursing
                JF  - Journal of Community Nursing
                Y1  - 2021/03//
                VL  - 35
                IS  - 2
                SP  - 44
                EP  - 50
                CY  - London
                PB  - Nursing Press
                AB  - Aim: to describe views.
                SN  - 0000-0019
                AD  - Karolinska Institutet
                N1  - Accession Number: 150000001. Language: English.
                KW  - Palliative Care
                KW  - Community Health Nursing
                U2  - PMID: NLM33333333.
                DP  - EBSCOhost
                DB  - cin20
                AN  - 150000001
                UR  - https://search.ebscohost.com/login.aspx?direct=true&db=cin20&AN=150000001
                ER  -\s
                """);
        assertThat(r.journal()).isEqualTo("Journal of Community Nursing");
        assertThat(r.journalAbbreviation()).isNull(); // JO repeats JF: no abbreviation
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.date()).isEqualTo("2021/03//");
        assertThat(r.database()).isEqualTo("cin20");
        assertThat(r.extra().get("DP")).containsExactly("EBSCOhost");
        assertThat(r.accessionNumbers()).containsEntry("cin20", "150000001");
        assertThat(r.pmid()).isNull();
        assertThat(r.issns()).containsExactly("0000-0019");
        assertThat(r.place()).isEqualTo("London");
        assertThat(r.notes()).containsExactly("Accession Number: 150000001. Language: English.");
        assertThat(r.extra().get("U2")).containsExactly("PMID: NLM33333333.");
        assertThat(r.extra().get("AD")).containsExactly("Karolinska Institutet");
    }

    @Test
    void embaseComDialectWithConferenceAbstract() throws IOException {
        Record r = one("""
                \uFEFFTY  - CONF
                M3  - Conference Abstract
                Y1  - 2022
                T2  - Palliative Medicine
                VL  - 36
                IS  - 1 SUPPL
                SP  - 120
                SN  - 1477-030X
                U2  - L638000000
                DB  - Embase
                L2  - http://dx.doi.org/10.1000/pm.2022.1
                A1  - Ruiz M.
                A1  - Chen Y.-L.
                T1  - Integrated oncology and primary care
                LA  - English
                ER  -
                """);
        assertThat(r.type()).isEqualTo(RecordType.CONFERENCE_ABSTRACT);
        assertThat(r.journal()).isEqualTo("Palliative Medicine");
        assertThat(r.issns()).containsExactly("1477-030X");
        assertThat(r.doi()).isEqualTo("10.1000/pm.2022.1"); // from the dx.doi.org link
        assertThat(families(r)).containsExactly("Ruiz", "Chen");
        assertThat(r.pages()).isEqualTo("120");
        assertThat(r.language()).isEqualTo("English");
    }

    @Test
    void proQuestDissertation() throws IOException {
        Record r = one("""
                TY  - THES
                T1  - Sharing the end of life: general practitioners and oncologists
                AN  - 2700000001
                AB  - This dissertation examines shared care.
                A3  - Tremblay, Louise
                AU  - Novak, Jana
                PY  - 2022
                PB  - University of Somewhere
                CY  - Somewhere
                M3  - Ph.D.
                SN  - 9798000000001
                KW  - Health sciences
                UR  - https://www.proquest.com/docview/2700000001
                LA  - English
                DB  - ProQuest Dissertations & Theses Global
                ER  -
                """);
        assertThat(r.type()).isEqualTo(RecordType.THESIS);
        assertThat(r.institution()).isEqualTo("University of Somewhere");
        assertThat(r.extra().get("advisor")).containsExactly("Tremblay, Louise");
        assertThat(r.editors()).isEmpty();
        assertThat(r.isbns()).containsExactly("9798000000001");
        assertThat(r.issns()).isEmpty();
        assertThat(r.accessionNumbers()).containsEntry("ProQuest Dissertations & Theses Global", "2700000001");
        assertThat(r.extra().get("M3")).containsExactly("Ph.D.");
    }

    @Test
    void proQuestJournalWithTwoAccessionNumbersAndRepeatedIssn() throws IOException {
        Record r = one("""
                TY  - JOUR
                T1  - A title
                AN  - 2214991469; 51887
                SN  - 0894-9867, 0894-9867
                DO  - http://dx.doi.org/10.1002/jts.22387
                DB  - PTSDpubs
                ER  -
                """);
        assertThat(r.issns()).containsExactly("0894-9867");
        assertThat(r.doi()).isEqualTo("10.1002/jts.22387");
        assertThat(r.accessionNumbers()).containsEntry("PTSDpubs", "2214991469; 51887");
    }

    @Test
    void webOfScienceAndScopusDialects() throws IOException {
        List<ParsedRecord> rs = parse("""
                TY  - JOUR
                AU  - Smith, JA
                AU  - Jones, B
                AF  - Smith, John A.
                TI  - A WoS title
                T2  - JOURNAL OF THINGS
                J9  - J THINGS
                JI  - J. Things
                DA  - MAR 2020
                PY  - 2020
                VL  - 10
                IS  - 2
                C7  - 102345
                DO  - 10.1000/things.1
                SN  - 1111-2222
                AN  - WOS:000500000000001
                ER  -

                TY  - JOUR
                TI  - A Scopus title
                T2  - Journal of Stuff
                J2  - J. Stuff
                VL  - 5
                SP  - 1
                EP  - 12
                PY  - 2019
                DO  - 10.1000/stuff.5
                AU  - Müller, K.
                N1  - Cited By :3
                N1  - Export Date: 1 April 2024
                M3  - Article
                DB  - Scopus
                UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-1
                ER  -
                """);
        Record wos = rs.get(0).record();
        assertThat(wos.journal()).isEqualTo("JOURNAL OF THINGS");
        assertThat(wos.journalAbbreviation()).isEqualTo("J THINGS");
        assertThat(wos.articleNumber()).isEqualTo("102345");
        assertThat(wos.year()).isEqualTo(2020);
        assertThat(wos.extra().get("AF")).containsExactly("Smith, John A.");
        assertThat(wos.accessionNumbers()).containsEntry("RIS", "WOS:000500000000001");
        Record scopus = rs.get(1).record();
        assertThat(scopus.journal()).isEqualTo("Journal of Stuff");
        assertThat(scopus.journalAbbreviation()).isEqualTo("J. Stuff");
        assertThat(scopus.pages()).isEqualTo("1-12");
        assertThat(scopus.notes()).containsExactly("Cited By :3", "Export Date: 1 April 2024");
        assertThat(scopus.database()).isEqualTo("Scopus");
        assertThat(families(scopus)).containsExactly("Müller");
    }

    @Test
    void pubMedViaEndNoteKeywordAndNoteContinuationLines() throws IOException {
        Record r = one("""
                TY  - JOUR
                AN  - 21553931
                AU  - Abdel-Tawab, M.
                DA  - Jun
                DO  - 10.2165/11586800-000000000-00000
                DP  - NLM
                ET  - 2011/05/11
                KW  - Animals
                Humans
                Inflammation/drug therapy
                LA  - eng
                N1  - 1179-1926
                Abdel-Tawab, Mona
                Journal Article
                PY  - 2011
                T2  - Clinical pharmacokinetics
                TI  - Boswellia serrata: an overall assessment
                ER  -\s
                """);
        assertThat(r.keywords()).containsExactly("Animals", "Humans", "Inflammation/drug therapy");
        assertThat(r.notes()).containsExactly("1179-1926\\nAbdel-Tawab, Mona\\nJournal Article".replace("\\n", "\n"));
        assertThat(r.pmid()).isEqualTo("21553931"); // DP NLM: a PubMed accession number
        assertThat(r.year()).isEqualTo(2011);
        assertThat(r.journal()).isEqualTo("Clinical pharmacokinetics");
    }

    @Test
    void continuationLinesExtendTheValueAndAreKeptRaw() throws IOException {
        List<ParsedRecord> rs = parse("""
                TY  - JOUR
                TI  - A title that wraps
                      onto a second line
                AB  - First part
                second part
                ER  -
                """);
        Record r = rs.get(0).record();
        assertThat(r.title()).isEqualTo("A title that wraps onto a second line");
        assertThat(r.abstractText()).isEqualTo("First part second part");
        assertThat(rs.get(0).raw()).startsWith("TY  - JOUR\nTI  - A title that wraps\n      onto").endsWith("ER  -");
    }

    @Test
    void erVariantsMissingFinalErAndTypeAfterBlankLine() throws IOException {
        List<ParsedRecord> rs = parse("""


                TY  - JOUR
                TI  - one
                ER  -
                TY  - JOUR
                TI  - two
                ER -
                TY  - JOUR
                TI  - three
                ER
                TY  - BOOK
                TI  - four (its ER is missing)

                TY  - CHAP
                TI  - five (a TY after a blank line starts a record)
                """);
        assertThat(rs).extracting(p -> p.record().title())
                .containsExactly("one", "two", "three", "four (its ER is missing)", "five (a TY after a blank line starts a record)");
        assertThat(rs.get(3).record().type()).isEqualTo(RecordType.BOOK);
        assertThat(rs.get(4).record().type()).isEqualTo(RecordType.BOOK_SECTION);
    }

    @Test
    void repeatedTypeTagWithoutBlankLineStaysInTheRecord() throws IOException {
        Record r = one("""
                TY  - JOUR
                TI  - one
                TY  - THES
                ER  -
                """);
        assertThat(r.type()).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(r.extra().get("TY")).containsExactly("THES");
    }

    @Test
    void titleTagsFirstWinsOthersKept() throws IOException {
        Record r = one("""
                TY  - JOUR
                CT  - Caption title
                T1  - Primary
                TI  - Other
                TT  - Titre original
                T3  - A series
                ER  -
                """);
        assertThat(r.title()).isEqualTo("Caption title");
        assertThat(r.extra().get("T1")).containsExactly("Primary");
        assertThat(r.extra().get("TI")).containsExactly("Other");
        assertThat(r.originalTitle()).isEqualTo("Titre original");
        assertThat(r.extra().get("T3")).containsExactly("A series");
    }

    @Test
    void journalTagsPreferTheFullName() throws IOException {
        assertThat(one("TY  - JOUR\nJO  - J. Chem. Phys.\nJF  - The Journal of Chemical Physics\nER  -\n"))
                .satisfies(r -> {
                    assertThat(r.journal()).isEqualTo("The Journal of Chemical Physics");
                    assertThat(r.journalAbbreviation()).isEqualTo("J. Chem. Phys.");
                });
        assertThat(one("TY  - JOUR\nJO  - Only JO\nER  -\n").journal()).isEqualTo("Only JO");
        assertThat(one("TY  - JOUR\nJA  - Abbr\nER  -\n").journal()).isNull();
        assertThat(one("TY  - CHAP\nBT  - The Book\nER  -\n").journal()).isEqualTo("The Book");
    }

    @Test
    void yearFromPyThenY1ThenDa() throws IOException {
        assertThat(one("TY  - JOUR\nY1  - 2001/09/01/\nPY  - 2003\nER  -\n").year()).isEqualTo(2003);
        assertThat(one("TY  - JOUR\nPY  - 99\nY1  - 2001/09/01/\nER  -\n").year()).isEqualTo(2001);
        assertThat(one("TY  - JOUR\nDA  - 2015/october\nER  -\n").year()).isEqualTo(2015);
        assertThat(one("TY  - JOUR\nPY  - YEAR/MONTH/DAY/\nER  -\n").year()).isNull();
    }

    @Test
    void pagesFromStartAndEndOrARangeInSp() throws IOException {
        assertThat(one("TY  - JOUR\nSP  - 245\nEP  - 251\nER  -\n").pages()).isEqualTo("245-251");
        assertThat(one("TY  - JOUR\nSP  - 245-251\nER  -\n").pages()).isEqualTo("245-251");
        assertThat(one("TY  - JOUR\nEP  - 251\nER  -\n").pages()).isEqualTo("251");
    }

    @Test
    void doiFromM3OrN1WhenThereIsNoDo() throws IOException {
        assertThat(one("TY  - JOUR\nM3  - doi: 10.1063/1.1954747\nER  -\n").doi()).isEqualTo("10.1063/1.1954747");
        assertThat(one("TY  - JOUR\nN1  - doi:10.1000/abc\nER  -\n").doi()).isEqualTo("10.1000/abc");
        assertThat(one("TY  - JOUR\nM1  - 10.1000/not-hinted\nER  -\n").doi()).isNull();
    }

    @Test
    void abstractFromAbOrN2AndBothKeptWhenTheyDiffer() throws IOException {
        assertThat(one("TY  - JOUR\nN2  - from N2\nER  -\n").abstractText()).isEqualTo("from N2");
        assertThat(one("TY  - JOUR\nN2  - same\nAB  - same\nER  -\n").abstractText()).isEqualTo("same");
        assertThat(one("TY  - JOUR\nN2  - from N2\nAB  - from AB\nER  -\n").abstractText()).isEqualTo("from N2\nfrom AB");
    }

    @Test
    void urlsEditorsLanguageAndUnknownTags() throws IOException {
        Record r = one("""
                TY  - BOOK
                TI  - A book
                A2  - Editor, Ed
                ED  - Other, Ed
                UR  - https://a.example
                L1  - file:///x.pdf
                L2  - https://b.example
                L3  - https://c.example
                L4  - https://d.example
                LA  - fre
                SN  - 0-306-40615-2
                ZZ  - unknown value
                M1  - 7
                ER  -
                """);
        assertThat(r.editors()).extracting(Author::family).containsExactly("Editor", "Other");
        assertThat(r.urls()).hasSize(5);
        assertThat(r.language()).isEqualTo("fre");
        assertThat(r.isbns()).containsExactly("0-306-40615-2");
        assertThat(r.extra().get("ZZ")).containsExactly("unknown value");
        assertThat(r.extra().get("M1")).containsExactly("7");
    }

    @Test
    void tabsAndSingleSpaceBeforeTheHyphen() throws IOException {
        Record r = one("TY\t- JOUR\nTI - Title\nID \t- 7\nER\t-\n");
        assertThat(r.title()).isEqualTo("Title");
        assertThat(r.extra().get("ID")).containsExactly("7");
    }

    @Test
    void recordTypes() {
        assertThat(RisTypes.of("JOUR")).isEqualTo(RecordType.JOURNAL_ARTICLE);
        assertThat(RisTypes.of("CONF")).isEqualTo(RecordType.CONFERENCE_PAPER);
        assertThat(RisTypes.of("CHAP")).isEqualTo(RecordType.BOOK_SECTION);
        assertThat(RisTypes.of("THES")).isEqualTo(RecordType.THESIS);
        assertThat(RisTypes.of("RPRT")).isEqualTo(RecordType.REPORT);
        assertThat(RisTypes.of("ELEC")).isEqualTo(RecordType.WEB_PAGE);
        assertThat(RisTypes.of("UNPB")).isEqualTo(RecordType.PREPRINT);
        assertThat(RisTypes.of("GEN")).isEqualTo(RecordType.GENERIC);
        assertThat(RisTypes.of("JOUR", "Preprint")).isEqualTo(RecordType.PREPRINT);
    }

    @Test
    void sniffTellsRisFromOtherTaggedFormats() {
        assertThat(reader.sniff("TY  - JOUR\nTI  - x\nAU  - y\nER  - \n")).isTrue();
        assertThat(reader.sniff("Record #1 of 2\nProvider: X\n1.\nTY  - JOUR\nID  - 1\nT1  - x\n")).isTrue();
        assertThat(reader.sniff("PMID- 123\nTI  - x\nAU  - y\n")).isFalse();
        assertThat(reader.sniff("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI x\n")).isFalse();
        assertThat(reader.sniff("@article{x, title={TY  - JOUR}}")).isFalse();
    }

    @Test
    void aFileWithoutRecordsIsAParseErrorNamingFileAndLine() {
        assertThatThrownBy(() -> parse("JF  - a journal\nT1  - no record start\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("t.ris, line 1")
                .hasMessageContaining("expected a line 'TY  - '");
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("t.ris: no RIS record");
    }

    @Test
    void severalAuthorsInOneFieldAndAnEightDigitStartDate() throws IOException {
        Record r = one("""
                TY  - CONF
                TI  - Road safety audits in practice
                AU  - Agrawal A, Gupta K.
                AU  - Osei, Kwame
                PY  - Start date: 20170812
                ER  -\s
                """);
        assertThat(families(r)).containsExactly("Agrawal", "Gupta", "Osei");
        assertThat(r.authors().get(1).given()).isEqualTo("K.");
        assertThat(r.year()).isEqualTo(2017);
        assertThat(one("TY  - JOUR\nTI  - t\nPY  - 12345678\nER  - \n").year()).isNull();
    }
}
